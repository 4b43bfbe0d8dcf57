package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Commitment;

/** A group's figures from its packed scores against a plain count of the documented rules (GroupStats). */
class GroupAccTest {
  @Test
  void stats_packedScores_equalPlainCounts() {
    Random r = new Random(8);
    for (int trial = 0; trial < 200; trial++) {
      GroupAcc[] parts = {new GroupAcc(), new GroupAcc()};
      List<int[]> all = new ArrayList<>(); // score, hit, commitment (0 aspirational, 1 committed, 2 undeclared)
      int n = r.nextInt(trial % 10 == 0 ? 6000 : 60);
      for (int i = 0; i < n; i++) {
        // scores at and around the band edges (0.4, 0.7, 1.0) as well as anywhere, some unscored
        int[] edges = {0, 399_999, 400_000, 699_999, 700_000, 999_999, 1_000_000};
        int score = r.nextInt(8) == 0 ? -1 : r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextInt(1_000_001);
        boolean hit = r.nextBoolean();
        Commitment c = r.nextBoolean() ? Commitment.COMMITTED : Commitment.ASPIRATIONAL;
        // an objective that declares no commitment is committed by default (Objective)
        boolean undeclared = c == Commitment.COMMITTED && r.nextInt(3) == 0;
        parts[r.nextInt(2)].add(GroupAcc.pack(score, hit, c), undeclared);
        all.add(new int[] {score, hit ? 1 : 0, undeclared ? 2 : c == Commitment.COMMITTED ? 1 : 0});
      }
      parts[0].merge(parts[1]);
      GroupStats s = parts[0].stats("g", new ReportParts());
      List<Integer> scores = new ArrayList<>();
      long hits = 0;
      long low = 0;
      long middle = 0;
      long high = 0;
      long committed = 0;
      long committedMet = 0;
      long aspirational = 0;
      long aspirationalMet = 0;
      long aspirationalSum = 0;
      long undeclared = 0;
      long sum = 0;
      for (int[] k : all) {
        if (k[0] < 0) {
          continue;
        }
        scores.add(k[0]);
        sum += k[0];
        hits += k[1];
        low += k[0] < 400_000 ? 1 : 0;
        middle += k[0] >= 400_000 && k[0] < 700_000 ? 1 : 0;
        high += k[0] >= 700_000 ? 1 : 0;
        if (k[2] == 2) {
          undeclared++;
        } else if (k[2] == 1) {
          committed++;
          committedMet += k[0] >= 1_000_000 ? 1 : 0;
        } else {
          aspirational++;
          aspirationalMet += k[0] >= 700_000 ? 1 : 0;
          aspirationalSum += k[0];
        }
      }
      scores.sort(null);
      int m = scores.size();
      assertThat(s.keyResults()).isEqualTo(n);
      assertThat(s.scored()).isEqualTo(m);
      assertThat(s.hits()).isEqualTo(hits);
      assertThat(s.meanScore()).isEqualTo(m == 0 ? null : sum / (double) m / 1e6);
      assertThat(s.medianScore()).isEqualTo(m == 0 ? null
          : ((long) scores.get((m - 1) / 2) + scores.get(m / 2)) / 2e6);
      assertThat(List.of(s.low(), s.middle(), s.high())).containsExactly(low, middle, high);
      assertThat(List.of(s.committed(), s.committedMet(), s.aspirational(), s.aspirationalMet(), s.undeclared()))
          .containsExactly(committed, committedMet, aspirational, aspirationalMet, undeclared);
      assertThat(s.meanAspirationalScore())
          .isEqualTo(aspirational == 0 ? null : aspirationalSum / (double) aspirational / 1e6);
    }
  }
}
