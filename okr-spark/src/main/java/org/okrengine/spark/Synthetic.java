package org.okrengine.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/**
 * Seeded synthetic history for the scale figure: {@code N} quarterly cycles as JSON Lines, each with one to three key
 * results whose weekly check-ins follow a random walk with drift and which have a final value. The same seed gives
 * the same bytes. {@code java ... org.okrengine.spark.Synthetic N SEED FILE}.
 */
public final class Synthetic {
  private Synthetic() {}

  /** Cycle {@code index} of the history of {@code seed}. */
  static OkrCycle cycle(long seed, int index) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
    LocalDate start = LocalDate.of(2020, 1, 1).plusMonths(3L * (index % 24));
    Cycle q = Cycle.of("Q" + index, start, start.plusDays(90));
    String team = "team-" + rnd.nextInt(50);
    List<KeyResult> krs = new ArrayList<>();
    int count = 1 + rnd.nextInt(3);
    for (int k = 0; k < count; k++) {
      double pace = rnd.nextDouble(0.5, 1.5);
      double v = 0;
      List<CheckIn> checkIns = new ArrayList<>();
      for (int w = 1; w <= 12; w++) {
        v = Math.max(0, v + pace * 100 / 13 + rnd.nextDouble(-4, 4));
        checkIns.add(CheckIn.of(q.startInstant().plusSeconds(w * 7L * 86_400 + rnd.nextInt(40_000)), Math.rint(v)));
      }
      double fin = Math.rint(Math.max(v, v + pace * 100 / 13 * 6 / 7.0 + rnd.nextDouble(-4, 4)));
      krs.add(new KeyResult("KR-" + index + "-" + k, null, null, team, 1, List.of(), Metric.of(0, 100, null), null,
          checkIns, Result.of(fin)));
    }
    return OkrCycle.of(q, List.of(Team.of(team)), List.of(new Objective("O-" + index, null, team, null, null, null,
        krs)));
  }

  /** Writes {@code n} cycles of {@code seed} to {@code file}. */
  static void write(int n, long seed, Path file) throws IOException {
    CycleJson json = CycleJson.withDefaults();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        json.writeLine(cycle(seed, i), w);
      }
    }
  }

  /** {@code N SEED FILE}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: Synthetic N SEED FILE");
      System.exit(2);
    }
    write(Integer.parseInt(args[0]), Long.parseLong(args[1]), Path.of(args[2]));
  }
}
