package org.okrengine.deps;

/**
 * Facts about the okr-deps module. Immutable and thread-safe.
 */
public final class DepsModule {
  /** The module's name, as in {@code module-info.java}. */
  public static final String NAME = "org.okrengine.deps";

  private DepsModule() {}
}
