package org.okrengine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code okr examples}: writes the bundled example cycles. */
@Command(name = "examples", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr examples --out my-examples",
        "  okr analyze my-examples/acme-2026-q3.json --as-of 2026-08-19"},
    description = "Write the example cycles (acme-2026-q3.json, acme-2026-q2.json) made by the seeded generator.")
final class ExamplesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", defaultValue = "examples", paramLabel = "DIR", description = "folder to write to")
  Path out;

  @Option(names = "--seed", defaultValue = "20260701", paramLabel = "N", description = "the generator's seed")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new BadInputException(java.util.List.of("--out: must be a folder (existing or not), not a file: '" + out
          + "'"));
    }
    ExampleGenerator.write(out, seed);
    spec.commandLine().getOut().println("wrote " + out.resolve("acme-2026-q3.json") + " and "
        + out.resolve("acme-2026-q2.json"));
    return Okr.OK;
  }
}
