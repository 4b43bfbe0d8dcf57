package org.okrengine.cli;

import picocli.CommandLine.Option;

/** The options that choose where a batch command runs, shared by {@code backtest} and {@code retro}. */
final class EngineOptions {
  @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
      description = "where to run: this process (local) or Apache Spark (spark: needs okr-spark, see okr-spark/run)")
  String engine;

  @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
      description = "the Spark master with --engine spark (default local[*])")
  String master;
}
