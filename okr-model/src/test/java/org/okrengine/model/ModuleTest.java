package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** okr-model exports exactly its API packages. */
class ModuleTest {
  @Test
  void exports_onlyApiPackages() throws Exception {
    Path classes = Path.of(Cycle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      ModuleDescriptor d = ModuleDescriptor.read(in);
      assertThat(d.name()).isEqualTo("org.okrengine.model");
      assertThat(d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toSet())).containsExactlyInAnyOrder("org.okrengine.model", "org.okrengine.model.json");
      assertThat(d.opens()).isEmpty();
    }
  }
}
