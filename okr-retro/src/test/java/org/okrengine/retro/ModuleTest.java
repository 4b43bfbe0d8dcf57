package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** okr-retro exports exactly its API package. */
class ModuleTest {
  @Test
  void exports_onlyApiPackages() throws Exception {
    Path classes = Path.of(Retrospective.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      ModuleDescriptor d = ModuleDescriptor.read(in);
      assertThat(d.name()).isEqualTo("org.okrengine.retro");
      assertThat(d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toSet())).containsExactly("org.okrengine.retro");
      assertThat(d.opens()).isEmpty();
    }
  }
}
