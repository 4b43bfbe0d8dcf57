package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** okr-connect exports exactly its API package. */
class ModuleTest {
  @Test
  void exports_onlyApiPackage() throws Exception {
    Path classes = Path.of(Connector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      ModuleDescriptor d = ModuleDescriptor.read(in);
      assertThat(d.name()).isEqualTo("org.okrengine.connect");
      assertThat(d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toSet())).containsExactlyInAnyOrder("org.okrengine.connect");
      assertThat(d.opens()).isEmpty();
    }
  }
}
