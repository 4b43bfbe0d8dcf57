package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import picocli.CommandLine;

/** {@code -V} says the build's version, on {@code okr} and on every subcommand (library issue 18, item 3). */
class VersionTest {
  /** What -V prints: "okr " and the version in okr-cli/pom.xml (its parent's), as the build filtered it in. */
  static String expected() {
    return "okr " + pomVersion() + "\n";
  }

  /** okr-cli/pom.xml's parent version: the project version the module builds at. */
  static String pomVersion() {
    try (InputStream in = Files.newInputStream(OkrTest.ROOT.resolve("okr-cli/pom.xml"))) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element project = f.newDocumentBuilder().parse(in).getDocumentElement();
      for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("parent")) {
          return e.getElementsByTagName("version").item(0).getTextContent().trim();
        }
      }
      throw new AssertionError("okr-cli/pom.xml has no parent");
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void version_isTheProjectVersion_asPomAndSurefireSayIt() {
    // surefire sets okr.version from ${project.version} (okr-cli/pom.xml); the pom's own text says the same
    assertThat(System.getProperty("okr.version")).as("okr.version, set by surefire").isEqualTo(pomVersion());
    assertThat(BuildVersion.version()).isEqualTo(pomVersion()).doesNotContain("${");
  }

  @Test
  void okrAndEverySubcommand_V_printTheBuildsVersion() {
    List<String> commands = new ArrayList<>();
    commands.add("");
    // every subcommand okr has, picocli's help command aside (it takes a command name, not -V)
    new CommandLine(new Okr()).getSubcommands().keySet().stream().filter(c -> !c.equals("help"))
        .forEach(commands::add);
    assertThat(commands).contains("analyze", "plan", "whatif", "completion");
    for (String command : commands) {
      OkrTest.Run r = command.isEmpty() ? OkrTest.run("-V") : OkrTest.run(command, "-V");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.err()).as(command).isEmpty();
      assertThat(r.out()).as(command).isEqualTo(expected());
      OkrTest.Run longForm = command.isEmpty() ? OkrTest.run("--version") : OkrTest.run(command, "--version");
      assertThat(longForm.out()).as(command + " --version").isEqualTo(expected());
    }
  }
}
