package org.okrengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.okrengine.connect.Conflict;
import org.okrengine.connect.Connector;
import org.okrengine.connect.CycleDocument;
import org.okrengine.connect.InvalidSourcesException;
import org.okrengine.connect.SourceOutcome;
import org.okrengine.connect.Sources;
import org.okrengine.connect.SourcesJson;
import org.okrengine.connect.SyncResult;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.ParsedCycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/*
 * The order of work: the lock first (a hidden .NAME.lock beside the cycle, tried with FileChannel.tryLock for up to
 * --wait seconds, and left in place: deleting a lock file lets a third process lock a new one while the second still holds the
 * old), then both files read and checked (bad input stops here, before any fetch), then every binding fetched, then
 * the merged text (new check-ins, and the sources' health in the cycle's sources section) checked by the cycle reader
 * and written through AtomicFile (temporary file, rename) only when it differs. The cycle is read again just before writing: if another program changed it meanwhile, nothing is written.
 */
/** {@code okr sync}: fetch the bound key results' values and merge them into the cycle file as check-ins. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  cp examples/sync/acme-growth-2026-q3.json my-cycle.json",
        "  okr sync my-cycle.json --sources examples/sync/sources.json \\",
        "      --as-of 2026-09-30"},
    description = "Fetch the values of the key results bound in an okr-sources/1 file and add the new ones to the "
        + "cycle file as check-ins, in place. Exit codes: 0 done, 2 bad input, 3 some sources failed "
        + "(the others are merged), 1 internal error.")
final class SyncCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1", paramLabel = "CYCLE", description = "the okr-cycle/1 file to update (one cycle, not "
      + "JSON Lines)")
  Path file;

  @Option(names = "--sources", required = true, paramLabel = "FILE", description = "the okr-sources/1 file")
  Path sourcesFile;

  @Option(names = "--as-of", paramLabel = "DATE|INSTANT", description = "fetch values up to this date (its end "
      + "in the cycle's zone) or instant; default: now, at most the cycle's end")
  String asOf;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10", description = "how long to wait for "
      + "another okr sync of the same file to finish (default: 10)")
  int waitSeconds;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> bad = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      bad.add(file + ": no such file");
    } else if (Inputs.isJsonLines(file)) {
      bad.add(file + ": okr sync updates one cycle file, not JSON Lines");
    }
    if (!Files.isRegularFile(sourcesFile)) {
      bad.add("--sources: " + sourcesFile + ": no such file");
    }
    if (!(waitSeconds >= 0 && waitSeconds <= 3600)) {
      bad.add("--wait: must be within 0..3600 seconds: " + waitSeconds);
    }
    if (!bad.isEmpty()) {
      throw new BadInputException(bad);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path abs = file.toAbsolutePath();
    Path lockFile = abs.resolveSibling("." + abs.getFileName() + ".lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = lock(ch, lockFile, waitSeconds);
      try {
        return locked(out, err);
      } finally {
        lock.release();
      }
    }
  }

  private static FileLock lock(FileChannel ch, Path lockFile, int waitSeconds)
      throws IOException, InterruptedException {
    long until = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (true) {
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null; // held by another sync in this JVM
      }
      if (l != null) {
        return l;
      }
      if (System.nanoTime() >= until) {
        throw new BadInputException(List.of(lockFile + ": another okr sync of this file still holds the lock after "
            + waitSeconds + " s; nothing fetched or written (try again, or --wait longer)"));
      }
      Thread.sleep(100);
    }
  }

  private int locked(PrintWriter out, PrintWriter err) throws IOException {
    byte[] before = Files.readAllBytes(file);
    String text = new String(before, StandardCharsets.UTF_8);
    OkrCycle cycle;
    try {
      ParsedCycle parsed = CycleJson.withDefaults().read(file);
      cycle = parsed.cycle();
      if (!parsed.warnings().isEmpty()) {
        err.println("okr sync: " + parsed.warnings().size() + " field(s) the model does not know (first: "
            + ConsoleText.printable(parsed.warnings().get(0).toString()) + "); they are kept as they are");
      }
    } catch (InvalidCycleException e) {
      throw new BadInputException(e.problems().stream().map(p -> ConsoleText.problem(file, 0, p)).toList());
    }
    Sources sources;
    try {
      sources = SourcesJson.read(sourcesFile);
    } catch (InvalidSourcesException e) {
      throw new BadInputException(e.problems().stream().map(p -> ConsoleText.problem(sourcesFile, 0, p)).toList());
    }
    List<Problem> unbound = Connector.check(cycle, sources);
    if (!unbound.isEmpty()) {
      throw new BadInputException(unbound.stream().map(p -> ConsoleText.problem(sourcesFile, 0, p)).toList());
    }
    Instant at = asOf(cycle);
    SyncResult result = Connector.withDefaults().sync(cycle, sources, at);
    for (SourceOutcome o : result.outcomes()) {
      String head = o.keyResult() + " from " + o.source() + " (" + o.kind() + ", " + o.binding() + "): ";
      if (!o.ok()) {
        out.println(ConsoleText.printable(head + "failed: " + o.error()));
        continue;
      }
      out.println(ConsoleText.printable(head + o.added().size() + " new, " + o.unchanged() + " already there"
          + (o.conflicts().isEmpty() ? "" : ", " + o.conflicts().size() + " in conflict (not applied)")));
      for (Conflict c : o.conflicts()) {
        out.println(ConsoleText.printable("  conflict: " + c.keyResult() + " at " + c.at() + ": the cycle has "
            + c.existing() + ", " + o.source() + " now says " + c.reported() + "; kept " + c.existing()));
      }
    }
    // the sources' health: since is the wall-clock instant a state began (not --as-of), to the second; a sync that
    // finds every source as the last one did changes nothing, so the file stays byte for byte as it was
    List<SourceStatus> health = result.health(cycle.sources(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    for (SourceStatus s : health) {
      SourceStatus was = cycle.source(s.name()).orElse(null);
      if (s.equals(was) || (was == null && !s.failing())) {
        continue; // unchanged, or a first sync that worked: nothing to tell
      }
      out.println(ConsoleText.printable("source " + s.name() + ": " + (s.failing()
          ? "failing since " + s.since() + ": " + s.lastError()
          : "working again since " + s.since() + " (it had failed: " + s.lastError() + ")")));
    }
    String merged = CycleDocument.withSources(CycleDocument.withCheckIns(text, result.additions()),
        cycle.sources(), health);
    if (merged.equals(text)) {
      out.println("okr sync: nothing new; " + file + " unchanged");
    } else {
      ParsedCycle check;
      try {
        check = CycleJson.withDefaults().read(merged);
      } catch (InvalidCycleException e) {
        List<String> m = new ArrayList<>();
        m.add(file + ": not written: with the new check-ins the cycle would break its rules:");
        e.problems().forEach(p -> m.add(ConsoleText.problem(file, 0, p)));
        throw new BadInputException(m);
      }
      if (!java.util.Arrays.equals(before, Files.readAllBytes(file))) {
        throw new BadInputException(List.of(file + ": changed by another program during the sync; nothing "
            + "written, run okr sync again"));
      }
      AtomicFile.write(file, merged);
      if (result.addedCount() == 0) {
        out.println("okr sync: no new check-in; the sources' health written to " + file);
      } else {
        out.println("okr sync: " + result.addedCount() + " new check-in" + (result.addedCount() == 1 ? "" : "s")
            + " written to " + file + " (" + check.cycle().keyResults().stream()
                .mapToInt(k -> k.checkIns().size()).sum() + " in all)");
      }
    }
    out.flush();
    if (result.failed() > 0) {
      err.println("okr sync: " + result.failed() + " of " + result.outcomes().size() + " sources failed (see "
          + "above); the others were merged");
      return Okr.SOURCES_FAILED;
    }
    return Okr.OK;
  }

  private Instant asOf(OkrCycle cycle) {
    if (asOf == null) {
      Instant now = Instant.now();
      return now.isAfter(cycle.cycle().endInstant()) ? cycle.cycle().endInstant() : now;
    }
    try {
      // a date means up to its end: the start of the next day, less a nanosecond
      return cycle.cycle().instantOf(LocalDate.parse(asOf).plusDays(1)).minusNanos(1);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(asOf).toInstant();
      } catch (DateTimeParseException e2) {
        throw new BadInputException(List.of("--as-of: not a date (2026-08-19) or an instant with offset "
            + "(2026-08-19T09:00:00Z): '" + asOf + "'"));
      }
    }
  }
}
