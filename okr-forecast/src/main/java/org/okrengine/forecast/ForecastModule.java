package org.okrengine.forecast;

/**
 * Facts about the okr-forecast module. Immutable and thread-safe.
 */
public final class ForecastModule {
  /** The module's name, as in {@code module-info.java}. */
  public static final String NAME = "org.okrengine.forecast";

  private ForecastModule() {}
}
