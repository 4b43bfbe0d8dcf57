package org.okrengine.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Every artifact a consumer of a published module needs, as {@code ./mvnw verify} left it in the modules' target
 * folders (this module is built last): the main, sources and javadoc jars, each with the repository's LICENSE and
 * NOTICE; the POM with the metadata a public repository asks for; and the BOM naming each module.
 */
class ArtifactsTest {
  /** The published jar modules: the README's table of modules less benchmarks (never published). */
  static final List<String> PUBLISHED = List.of("okr-model", "okr-forecast", "okr-deps", "okr-retro",
      "okr-execution", "okr-connect", "okr-cli", "okr-spark");

  static Element root;

  @BeforeAll
  static void readRoot() throws IOException {
    assertThat(Repo.VERSION).as("okr.version, set by this module's surefire configuration").isNotBlank();
    root = Repo.pom(Repo.ROOT.resolve("pom.xml")).getDocumentElement();
  }

  static List<String> published() {
    return PUBLISHED;
  }

  @Test
  void publishedModules_areEveryJarModuleNotSkippingDeploy() throws IOException {
    // a module added to the reactor is published (and so checked here, and in the BOM) unless it says otherwise
    List<String> found = new ArrayList<>();
    for (Element m : Repo.children(Repo.child(root, "modules"), "module")) {
      String name = m.getTextContent().trim();
      Element pom = Repo.pom(Repo.ROOT.resolve(name).resolve("pom.xml")).getDocumentElement();
      String packaging = Repo.text(pom, "packaging");
      boolean skipped = Repo.text(pom, "properties", "maven.deploy.skip").equals("true");
      if ((packaging.isEmpty() || packaging.equals("jar")) && !skipped) {
        found.add(name);
      }
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(PUBLISHED);
  }

  @ParameterizedTest
  @MethodSource("published")
  void module_hasMainSourcesAndJavadocJars_eachWithLicenseAndNotice(String module) throws IOException {
    Path target = Repo.ROOT.resolve(module).resolve("target");
    byte[] license = Repo.rootFile("LICENSE");
    byte[] notice = Repo.rootFile("NOTICE");
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("", ".class");
    kinds.put("-sources", ".java");
    kinds.put("-javadoc", "index.html");
    for (Map.Entry<String, String> kind : kinds.entrySet()) {
      Path jar = target.resolve(module + "-" + Repo.VERSION + kind.getKey() + ".jar");
      assertThat(jar).as("built by ./mvnw verify (run it from the root, or with -am)").isRegularFile();
      assertThat(Repo.entries(jar)).as(jar.toString()).anyMatch(n -> n.endsWith(kind.getValue()));
      assertThat(Repo.entry(jar, "META-INF/LICENSE")).as(jar + " META-INF/LICENSE").isEqualTo(license);
      assertThat(Repo.entry(jar, "META-INF/NOTICE")).as(jar + " META-INF/NOTICE").isEqualTo(notice);
    }
  }

  @ParameterizedTest
  @MethodSource("published")
  void modulePom_namesAndDescribesItself_andInheritsTheRootAtThisVersion(String module) throws IOException {
    Element pom = Repo.pom(Repo.ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
    assertThat(Repo.text(pom, "parent", "artifactId")).isEqualTo("okr-engine-parent");
    assertThat(Repo.text(pom, "parent", "version")).isEqualTo(Repo.VERSION);
    assertThat(Repo.text(pom, "artifactId")).isEqualTo(module);
    assertThat(Repo.text(pom, "name")).isNotBlank();
    assertThat(Repo.text(pom, "description")).isNotBlank();
  }

  @Test
  void rootPom_andBom_carryTheMetadataAPublicRepositoryRequires() throws IOException {
    Element bom = Repo.pom(Repo.ROOT.resolve("okr-bom/pom.xml")).getDocumentElement();
    for (Element pom : List.of(root, bom)) {
      for (String[] path : List.of(new String[] {"name"}, new String[] {"description"}, new String[] {"url"},
          new String[] {"licenses", "license", "name"}, new String[] {"licenses", "license", "url"},
          new String[] {"developers", "developer", "name"}, new String[] {"scm", "connection"},
          new String[] {"scm", "developerConnection"}, new String[] {"scm", "url"})) {
        assertThat(Repo.text(pom, path)).as(Repo.text(pom, "artifactId") + " " + String.join("/", path))
            .isNotBlank();
      }
      assertThat(Repo.text(pom, "licenses", "license", "name")).isEqualTo("Apache-2.0");
      assertThat(Repo.text(pom, "url")).isEqualTo(Repo.text(root, "url"));
      assertThat(Repo.text(pom, "scm", "connection")).isEqualTo(Repo.text(root, "scm", "connection"));
    }
    // the root's signing profile (skipped without -Prelease, so a machine without keys builds)
    assertThat(Files.readString(Repo.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8))
        .contains("<id>release</id>", "<artifactId>maven-gpg-plugin</artifactId>");
  }

  @Test
  void bom_managesEveryPublishedModuleAtTheProjectVersion() throws IOException {
    Element bom = Repo.pom(Repo.ROOT.resolve("okr-bom/pom.xml")).getDocumentElement();
    assertThat(Repo.text(bom, "version")).isEqualTo(Repo.VERSION);
    assertThat(Repo.text(bom, "packaging")).isEqualTo("pom");
    assertThat(Repo.child(bom, "parent")).as("no parent: importing the BOM brings no third-party pins").isNull();
    List<String> managed = new ArrayList<>();
    for (Element d : Repo.children(Repo.child(bom, "dependencyManagement"), "dependencies").stream()
        .flatMap(ds -> Repo.children(ds, "dependency").stream()).toList()) {
      assertThat(Repo.text(d, "groupId")).isEqualTo("org.okrengine");
      assertThat(Repo.text(d, "version")).isEqualTo("${project.version}");
      managed.add(Repo.text(d, "artifactId"));
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(PUBLISHED);
  }

  @Test
  void forecastPom_declaresCommonsStatisticsDependencies_soConsumersGetTheTestedVersions() throws IOException {
    // commons-statistics-distribution's own pom asks for older commons-numbers and commons-rng than the parent's
    // BOMs pin (1.2 and 1.6 against 1.3 and 1.7 for statistics 1.2); a BOM the parent imports does not reach a
    // consumer, a direct dependency of okr-forecast (its version managed by the parent) does
    String statistics = Repo.text(root, "properties", "commons-statistics.version");
    assertThat(statistics).isNotBlank();
    Path statisticsPom = Path.of(System.getProperty("okr.local.repository", "")).resolve(
        "org/apache/commons/commons-statistics-distribution/" + statistics + "/commons-statistics-distribution-"
            + statistics + ".pom");
    assertThat(statisticsPom).as("okr.local.repository, set by this module's surefire configuration").isRegularFile();
    List<String> needed = new ArrayList<>();
    for (Element d : Repo.children(Repo.child(Repo.pom(statisticsPom).getDocumentElement(), "dependencies"),
        "dependency")) {
      if (Repo.text(d, "scope").isEmpty() || Repo.text(d, "scope").equals("compile")) {
        needed.add(Repo.text(d, "groupId") + ":" + Repo.text(d, "artifactId"));
      }
    }
    // statistics 1.2: commons-rng client-api and sampling, commons-numbers core, combinatorics, gamma, rootfinder
    assertThat(needed).hasSize(6);
    Element forecast = Repo.pom(Repo.ROOT.resolve("okr-forecast/pom.xml")).getDocumentElement();
    Map<String, Element> declared = new LinkedHashMap<>();
    for (Element d : Repo.children(Repo.child(forecast, "dependencies"), "dependency")) {
      declared.put(Repo.text(d, "groupId") + ":" + Repo.text(d, "artifactId"), d);
    }
    for (String dependency : needed) {
      assertThat(declared).as("okr-forecast/pom.xml declares " + dependency).containsKey(dependency);
      Element d = declared.get(dependency);
      assertThat(Repo.text(d, "version")).as(dependency + ": the parent's managed version").isEmpty();
      assertThat(Repo.text(d, "scope")).as(dependency + ": compile scope, as consumers need it").isEmpty();
      assertThat(Repo.text(d, "optional")).as(dependency).isEmpty();
    }
  }

  @Test
  void license_isApache2_andNoticeNamesTheProject() throws IOException {
    String license = new String(Repo.rootFile("LICENSE"), StandardCharsets.UTF_8);
    assertThat(license).contains("Apache License", "Version 2.0, January 2004");
    String notice = new String(Repo.rootFile("NOTICE"), StandardCharsets.UTF_8);
    assertThat(notice).startsWith("OKR Execution Engine\n");
  }
}
