package org.okrengine.connect;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An {@code okr-sources/1} document: the bindings of key results to sources. Immutable and thread-safe.
 *
 * @param folder the folder relative file names and {@code {sourcesDir}} resolve against
 * @param bindings the bindings, in document order
 */
public record Sources(Path folder, List<Binding> bindings) {
  /** Validates and copies. */
  public Sources {
    Objects.requireNonNull(folder, "folder must not be null");
    bindings = List.copyOf(bindings);
  }
}
