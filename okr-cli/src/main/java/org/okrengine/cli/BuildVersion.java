package org.okrengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code -V} prints on {@code okr} and every subcommand: {@code okr VERSION}, the project version the build
 * wrote into {@code org/okrengine/cli/version.properties} (a Maven-filtered resource), so a version bump needs no
 * code change. Stateless and thread-safe.
 */
final class BuildVersion implements IVersionProvider {
  /** The resource the build filters, next to this class. */
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"okr " + version()};
  }

  /**
   * The project version, or {@code unknown} when the resource is missing or was not filtered (classes compiled
   * outside Maven).
   */
  static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      return v.isEmpty() || v.contains("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
