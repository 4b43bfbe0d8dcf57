package org.okrengine.retro;

/**
 * Facts about the okr-retro module. Immutable and thread-safe.
 */
public final class RetroModule {
  /** The module's name, as in {@code module-info.java}. */
  public static final String NAME = "org.okrengine.retro";

  private RetroModule() {}
}
