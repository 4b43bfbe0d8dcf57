package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.ReportJson;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's vendor example, compiled and run: the code of {@code run} is the README's, word for word. */
class VendorExampleTest {
  static final class MondayReport {
    private MondayReport() {}

    /** Loads a cycle, analyses it, prints what needs attention and writes the okr-report/1 document. */
    public static CycleReport run(Path cycleFile, Path reportFile, PrintStream out) throws IOException {
      // 1. Load: a bad document throws InvalidCycleException listing every problem with its JSON path.
      OkrCycle cycle = CycleJson.withDefaults().read(cycleFile).cycle();
  
      // 2. Analyse at an instant under an escalation policy (the builder, or EscalationPolicyJson for a file).
      EscalationPolicy policy = EscalationPolicy.builder()
          .level(1, "team-lead", 14)             // at risk, off track or stale for 14 days
          .level(2, "leadership", 28, true)      // for 28 days, or feeding a cascade across teams
          .build();
      ExecutionEngine engine = ExecutionEngine.withDefaults().withPolicy(policy);
      Instant asOf = cycle.cycle().instantOf(LocalDate.of(2026, 8, 19));
      CycleReport report = engine.analyze(cycle, asOf);
  
      // 3. Read it: statuses, causes, escalations, broken data connections.
      out.println(report.summary());
      for (KeyResultReport kr : report.keyResults()) {
        if (kr.status().needsAttention()) {
          out.println(kr.id() + " " + kr.status().jsonName() + ": " + kr.insight());
          for (Cause cause : kr.causes()) {
            out.println("  because " + cause.sentence());
          }
        }
      }
      for (EscalationSummary e : report.escalations()) {
        out.println("to " + e.to() + " since " + e.since() + ": " + e.subject());
      }
      for (SourceHealthSummary s : report.sourceHealth()) {
        out.println(s.reason());
      }
  
      // 4. Write the okr-report/1 document: the same input gives the same bytes.
      try (Writer w = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8)) {
        ReportJson.withDefaults().write(report, w);
      }
  
      // 5. The facts for your own language model (the library itself makes no network call).
      String prompt = ExecutionEngine.groundedPrompt(report);
      out.println(prompt.length() + " characters of grounded facts");
      return report;
    }
  }

  @Test
  void readmeExample_runs(@TempDir Path dir) throws IOException {
    Path reportFile = dir.resolve("report.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CycleReport report;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      report = MondayReport.run(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json"), reportFile, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("As of 19 Aug, 7 of 30 key results are off track")
        .contains("KR-23 at-risk: KR-23 (Ticket backlog from 340 to 100) is moving at 50% of the weekly pace it needs")
        .contains("  because Upstream, I-6 (Support hiring) is 19 days late")
        .contains("to leadership since 2026-08-06: I-3")
        .contains(" characters of grounded facts");
    assertThat(ReportJson.withDefaults().read(Files.readString(reportFile))).isEqualTo(report);
    assertThat(Files.readString(reportFile)).isEqualTo(ReportJson.withDefaults().write(report));
  }
}
