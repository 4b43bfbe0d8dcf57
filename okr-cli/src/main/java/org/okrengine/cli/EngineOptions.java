package org.okrengine.cli;

import java.util.List;
import java.util.ServiceLoader;
import org.okrengine.retro.DistributedEngine;
import picocli.CommandLine.Option;

/** The options that choose where a batch command runs, shared by {@code backtest} and {@code retro}. */
final class EngineOptions {
  @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
      description = "where to run: this process (local) or Apache Spark (spark: needs okr-spark, see okr-spark/run)")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "the Spark master with --engine spark (default local[*])")
  String master;

  /** The master of {@code --master}, {@code local[*]} when not given. */
  String master() {
    return master == null ? "local[*]" : master;
  }

  /**
   * The engine of {@code --engine}, found with {@link ServiceLoader} (okr-cli depends on no engine), or null for
   * {@code local} (this process).
   *
   * @param command the command's name, for the message when the engine is missing
   * @throws BadInputException when the name is unknown, the engine is not on the class path, or {@code --master} is
   *     given to the local engine
   */
  DistributedEngine engine(String command) {
    if (engine.equals("local")) {
      if (master != null) {
        // a master for this process would be silently ignored: the run would not go where it was sent
        throw new BadInputException(List.of("--master: only with --engine spark (this run is local): '"
            + ConsoleText.printable(master) + "'"));
      }
      return null;
    }
    if (!engine.equals("spark")) {
      throw new BadInputException(List.of("--engine: must be local or spark: '" + ConsoleText.printable(engine)
          + "'"));
    }
    for (DistributedEngine e : ServiceLoader.load(DistributedEngine.class)) {
      if (e.name().equals(engine)) {
        return e;
      }
    }
    throw new BadInputException(List.of("--engine spark needs okr-spark and Spark on the class path, which ./okr "
        + "does not have: run okr-spark/run " + command + " --engine spark [--master local[*]] FILE... instead "
        + "(see the README, section Spark)"));
  }
}
