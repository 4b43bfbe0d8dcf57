package org.okrengine.execution;

/**
 * Facts about the okr-execution module. Immutable and thread-safe.
 */
public final class ExecutionModule {
  /** The module's name, as in {@code module-info.java}. */
  public static final String NAME = "org.okrengine.execution";

  private ExecutionModule() {}
}
