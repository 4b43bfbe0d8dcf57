package org.okrengine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.DotWriter;
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Initiative;
import org.okrengine.model.Milestone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr graph}: the dependency graph as Graphviz DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  okr graph examples/acme-2026-q3.json --as-of 2026-08-19 --out graph.dot",
        "  okr graph examples/acme-2026-q3.json --as-of 2026-08-19 \\",
        "      | dot -Tsvg > graph.svg"},
    description = "Write a cycle's dependency graph as Graphviz DOT: teams as clusters, late items red, items a slip "
        + "reaches orange. Render with: dot -Tsvg")
final class GraphCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1", paramLabel = "FILE", description = "an okr-cycle/1 file")
  Path file;

  @Option(names = "--format", defaultValue = "dot", paramLabel = "dot", description = "dot (the only format)")
  String format;

  @Option(names = "--as-of", paramLabel = "DATE", description = "judge lateness as of this date; default: now")
  LocalDate asOf;

  @Mixin
  OutOption output;

  @Override
  public Integer call() {
    if (!format.equals("dot")) {
      throw new BadInputException(List.of("--format: must be dot: '" + format + "'"));
    }
    if (!output.problems(List.of(file)).isEmpty()) {
      throw new BadInputException(output.problems(List.of(file)));
    }
    // every line is read and checked before anything is written: a bad line later in the file leaves no output
    StringBuilder dot = new StringBuilder();
    Inputs inputs = new Inputs();
    inputs.read(List.of(file), cycle -> {
      Instant at = asOf != null ? cycle.cycle().instantOf(asOf)
          : ExecutionEngine.defaultAsOf(cycle, Clock.systemUTC());
      CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, at);
      Set<String> late = new HashSet<>();
      Set<String> reached = new HashSet<>();
      for (CascadeSummary c : report.cascades()) {
        late.add(c.source());
        reached.addAll(c.affected());
      }
      // an open milestone past its due date is late too (docs/FORMAT.md, okr explain), counted as the report counts
      // lateness: to the day the cycle ended at the latest; open on that day: not completed, or completed later (a
      // completion date beyond the instant analysed had not happened yet)
      LocalDate today = cycle.cycle().dateOf(at);
      LocalDate end = cycle.cycle().dateOf(cycle.cycle().endInstant());
      if (today.isAfter(end)) {
        today = end;
      }
      for (Initiative i : cycle.initiatives()) {
        for (Milestone m : i.milestones()) {
          if ((m.completed() == null || m.completed().isAfter(today)) && m.due().isBefore(today)) {
            late.add(m.id());
          }
        }
      }
      dot.append(DotWriter.write(DependencyGraph.of(cycle), late, reached));
    });
    if (!inputs.problems().isEmpty()) {
      throw new BadInputException(inputs.problems());
    }
    PrintWriter out = output.writer(spec);
    out.print(dot);
    out.flush();
    output.finish(spec);
    return Okr.OK;
  }
}
