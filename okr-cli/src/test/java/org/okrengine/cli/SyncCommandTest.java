package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.CheckIn;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/** {@code okr sync} on a copy of examples/sync: the CSV file and the H2 database dated within Q3 2026. */
class SyncCommandTest {
  @TempDir
  Path dir;
  Path cycle;

  @BeforeEach
  void copyExample() throws Exception {
    try (Stream<Path> files = Files.list(OkrTest.ROOT.resolve("examples/sync"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    cycle = dir.resolve("acme-growth-2026-q3.json");
  }

  private OkrTest.Run sync(String sources, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sync", cycle.toString(), "--sources",
        dir.resolve(sources).toString()));
    args.addAll(List.of(more));
    return OkrTest.run(args.toArray(String[]::new));
  }

  @Test
  void sync_example_fillsCheckIns_secondRunByteIdentical() throws Exception {
    String before = Files.readString(cycle);
    OkrTest.Run r = sync("sources.json", "--as-of", "2026-09-30");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(0);
    // conversion.csv holds 6 rows, one of them the hand check-in already in the cycle; metrics.sql inserts 13 rows
    assertThat(r.out()).isEqualTo("""
        KR-2 from bi-export (csv, bindings[0]): 5 new, 1 already there
        KR-5 from warehouse (sql, bindings[1]): 13 new, 0 already there
        okr sync: 18 new check-ins written to %s (53 in all)
        """.formatted(cycle));
    String after = Files.readString(cycle);
    // what was there is still there, byte for byte, up to the first added check-in of KR-2
    String kr2Hand = "\"note\": \"holidays slowed us down\"\n            }";
    assertThat(after).startsWith(before.substring(0, before.indexOf(kr2Hand) + kr2Hand.length()));
    OkrCycle synced = CycleJson.withDefaults().read(cycle).cycle();
    OkrCycle q3 = CycleJson.withDefaults().read(OkrTest.EXAMPLE).cycle();
    // the sources hold the values of KR-2 and KR-5 in examples/acme-2026-q3.json: the same instants and values
    for (String id : List.of("KR-2", "KR-5")) {
      assertThat(synced.keyResult(id).orElseThrow().checkIns()).extracting(CheckIn::at, CheckIn::value)
          .containsExactlyInAnyOrderElementsOf(q3.keyResult(id).orElseThrow().checkIns().stream()
              .map(c -> org.assertj.core.groups.Tuple.tuple(c.at(), c.value())).toList());
    }
    assertThat(synced.keyResult("KR-5").orElseThrow().checkIns()).extracting(CheckIn::source).containsOnly(
        "warehouse");

    OkrTest.Run again = sync("sources.json", "--as-of", "2026-09-30");
    assertThat(again.code()).isEqualTo(0);
    assertThat(again.out()).endsWith("okr sync: nothing new; " + cycle + " unchanged\n");
    assertThat(Files.readString(cycle)).isEqualTo(after);
    OkrTest.Run now = sync("sources.json"); // default as-of: now, at most the cycle's end
    assertThat(now.code()).isEqualTo(0);
    assertThat(Files.readString(cycle)).isEqualTo(after);
  }

  @Test
  void sync_asOf_takesOnlyValuesUpToThatDay() throws Exception {
    OkrTest.Run r = sync("sources.json", "--as-of", "2026-07-31");
    // KR-2: 2026-07-20 (the 2026-07-05 row is there already); KR-5: 6, 12, 17, 22 and 31 July (05:28Z, before
    // the end of 31 July in Oslo)
    assertThat(r.out()).startsWith("""
        KR-2 from bi-export (csv, bindings[0]): 1 new, 1 already there
        KR-5 from warehouse (sql, bindings[1]): 5 new, 0 already there
        """);
    KeyResult kr5 = CycleJson.withDefaults().read(cycle).cycle().keyResult("KR-5").orElseThrow();
    assertThat(kr5.checkIns()).hasSize(5);
  }

  @Test
  void sync_closedPort_failsAlone_exit3_sayingWhy() throws Exception {
    OkrTest.Run r = sync("sources-with-a-closed-port.json", "--as-of", "2026-09-30");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).contains("KR-5 from warehouse (sql, bindings[1]): 13 new, 0 already there\n")
        .contains("KR-1 from jira (jira, bindings[2]): failed: cannot connect to 127.0.0.1:9 (connection refused) "
            + "(2 tries)\n")
        .contains("okr sync: 18 new check-ins written to ");
    assertThat(r.err()).isEqualTo("okr sync: 1 of 3 sources failed (see above); the others were merged\n");
  }

  @Test
  void sync_conflict_reportedNotApplied() throws Exception {
    Files.writeString(dir.resolve("conversion.csv"), "measured_at,trial_to_paid_pct\n2026-07-05T07:21:00Z,7.8\n");
    String before = Files.readString(cycle);
    OkrTest.Run r = sync("sources.json", "--as-of", "2026-07-10");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("KR-2 from bi-export (csv, bindings[0]): 0 new, 0 already there, 1 in conflict "
        + "(not applied)\n  conflict: KR-2 at 2026-07-05T07:21:00Z: the cycle has 7.79, bi-export now says 7.8; "
        + "kept 7.79\n");
    assertThat(Files.readString(cycle)).doesNotContain("7.8,").contains("\"value\": 7.79,");
    assertThat(before).contains("\"value\": 7.79,");
  }

  @Test
  void sync_badSourcesOrCycle_exit2_everyProblem_nothingWritten() throws Exception {
    Files.writeString(dir.resolve("bad.json"), """
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-99", "kind": "csv", "query": {"file": "x.csv", "timeColumn": "t", "valueColumn": "v"}},
          {"keyResult": "KR-2", "kind": "csv", "query": {"file": "x.csv"}, "retries": 11}
        ]}
        """);
    String before = Files.readString(cycle);
    OkrTest.Run r = sync("bad.json");
    assertThat(r.code()).isEqualTo(2);
    Path bad = dir.resolve("bad.json");
    assertThat(r.err()).isEqualTo(bad + ": bindings[1].query.timeColumn: missing\n"
        + bad + ": bindings[1].query.valueColumn: missing\n"
        + bad + ": bindings[1].retries: must be a whole number within 0..10: 11\n");
    Files.writeString(bad, """
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-99", "kind": "csv", "query": {"file": "x.csv", "timeColumn": "t", "valueColumn": "v"}}
        ]}
        """);
    assertThat(sync("bad.json").err()).isEqualTo(bad + ": bindings[0].keyResult: no key result \"KR-99\" in cycle "
        + "2026-Q3\n");
    assertThat(OkrTest.run("sync", dir.resolve("none.json").toString(), "--sources", bad.toString()).err())
        .isEqualTo(dir.resolve("none.json") + ": no such file\n");
    assertThat(sync("sources.json", "--as-of", "soon").err()).isEqualTo("--as-of: not a date (2026-08-19) or an "
        + "instant with offset (2026-08-19T09:00:00Z): 'soon'\n");
    assertThat(Files.readString(cycle)).isEqualTo(before);
  }

  @Test
  void sync_valueBreakingTheCycleRules_refusedWholly() throws Exception {
    // KR-2 is a percentage with max 100: above it is only a warning, so use KR-3 (achieve: 0 or 1)
    Files.writeString(dir.resolve("achieve.csv"), "t,v\n2026-07-08,0.5\n");
    Files.writeString(dir.resolve("achieve.json"), """
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-3", "kind": "csv", "query": {"file": "achieve.csv", "timeColumn": "t", "valueColumn": "v"}}
        ]}
        """);
    String before = Files.readString(cycle);
    OkrTest.Run r = sync("achieve.json", "--as-of", "2026-07-10");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(cycle + ": not written: with the new check-ins the cycle would break its rules:\n"
        + cycle + ": objectives[0].keyResults[2].checkIns[");
    assertThat(r.err()).contains("must be 0 or 1 for direction achieve: 0.5");
    assertThat(Files.readString(cycle)).isEqualTo(before);
  }

  @Test
  void sync_anotherSyncHoldsTheLock_waitsThenRefuses_nothingWritten() throws Exception {
    String before = Files.readString(cycle);
    Path lockFile = dir.resolve(".acme-growth-2026-q3.json.lock");
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
         java.nio.channels.FileLock held = ch.lock()) {
      long start = System.nanoTime();
      OkrTest.Run r = sync("sources.json", "--as-of", "2026-09-30", "--wait", "1");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo(lockFile + ": another okr sync of this file still holds the lock after 1 s; "
          + "nothing fetched or written (try again, or --wait longer)\n");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
      assertThat(held.isValid()).isTrue();
    }
    assertThat(Files.readString(cycle)).isEqualTo(before);
    assertThat(sync("sources.json", "--as-of", "2026-09-30", "--wait", "1").code()).isEqualTo(0); // released
  }
}
