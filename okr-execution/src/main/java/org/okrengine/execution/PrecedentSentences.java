package org.okrengine.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.PrecedentSummary;

/** The sentences of a {@link PrecedentSummary}: facts and counts only, never advice. Stateless and thread-safe. */
final class PrecedentSentences {
  /** What each factor says of the key results that had it. */
  private static final Map<String, String> PHRASES = Map.of(
      "blocker-cleared", "had their named blocker gone within 2 weeks",
      "weekly-check-ins", "kept checking in at least weekly",
      "upstream-delivered", "had the open milestones of their initiatives completed within the cycle",
      "confident", "had their owner's confidence at 50% or more at that point");
  /** Each factor in a few words. */
  private static final Map<String, String> SHORT = Map.of(
      "blocker-cleared", "a named blocker gone within 2 weeks",
      "weekly-check-ins", "weekly check-ins",
      "upstream-delivered", "upstream milestones completed",
      "confident", "the owner's confidence at 50% or more");
  /** The most factors a sentence names. */
  static final int MAX_FACTORS_NAMED = 2;

  private PrecedentSentences() {}

  /** The week of the cycle at fraction {@code f}: 1 for its first 7 days, at most its last week. */
  static int week(Cycle c, double f) {
    double days = c.lengthDays();
    int last = Math.max(1, (int) Math.ceil(days / 7));
    return Math.min(last, (int) Math.floor(f * days / 7) + 1);
  }

  private static String where(Cycle c, double f) {
    return "at week " + week(c, f) + " (" + Numbers.percent(f) + " of the cycle)";
  }

  /** The sentence when fewer than {@link PrecedentSummary#MIN_SIMILAR} earlier key results are similar. */
  static String notEnough(Cycle c, KeyResult kr, double f, int pool, int similar) {
    Metric m = kr.metric();
    String kind = m.direction().jsonName() + (m.unit() == null || m.unit().isBlank() ? ", no unit" : ", "
        + m.unit().strip());
    if (pool == 0) {
      return "Not enough history to say what worked before: no earlier key result of the same direction and unit ("
          + kind + ") has an outcome.";
    }
    return "Not enough history to say what worked before: " + similar + " of " + pool + " earlier key "
        + (pool == 1 ? "result" : "results") + " of the same direction and unit (" + kind + ")"
        // after the cycle's end the key result stood somewhere: the past tense
        + (f >= 1 ? " stood where it stood " : " stood where it stands ")
        + where(c, f) + "; at least " + PrecedentSummary.MIN_SIMILAR + " are needed.";
  }

  /** The sentences when enough earlier key results are similar. */
  static String enough(Cycle c, double f, double gap, int similar, int sameTeam, int recovered, double[] ci,
      Double missedMedian, List<PrecedentSummary.Factor> factors) {
    int missed = similar - recovered;
    long points = Math.round(Math.abs(gap) * 100);
    String position = points == 0 ? "on plan" : "about " + points + " points " + (gap < 0 ? "behind" : "ahead of")
        + " plan";
    StringBuilder sb = new StringBuilder();
    sb.append("Of ").append(similar).append(" earlier key results ").append(position).append(' ').append(where(c, f));
    if (sameTeam > 0) {
      sb.append(", ").append(sameTeam).append(" of them this team's");
    }
    sb.append(", ").append(recovered).append(" met their target (90% Wilson interval: ")
        .append(Math.round(ci[0] * 100)).append('-').append(Numbers.percent(ci[1])).append(')');
    if (missedMedian != null) {
      sb.append("; the ").append(missed).append(" that missed ended at a median ")
          .append(Numbers.percent(missedMedian)).append(" of their target");
    }
    sb.append('.');
    if (recovered == 0 || missed == 0) {
      return sb.toString();
    }
    List<PrecedentSummary.Factor> apart = new ArrayList<>();
    for (PrecedentSummary.Factor x : factors) {
      if ((double) x.recovered() / recovered > (double) x.missed() / missed) {
        apart.add(x);
      }
    }
    // the largest difference of shares first; ties keep the fixed order of the factors
    apart.sort((a, b) -> Double.compare(share(b, recovered, missed), share(a, recovered, missed)));
    if (apart.isEmpty()) {
      List<String> held = new ArrayList<>();
      for (PrecedentSummary.Factor x : factors) {
        if (x.recovered() + x.missed() > 0) {
          held.add(SHORT.get(x.code()));
        }
      }
      if (held.isEmpty()) {
        return sb.append(" None of them had a named blocker gone within 2 weeks, weekly check-ins, the open "
            + "milestones of their initiatives completed or their owner's confidence at 50% or more, so nothing "
            + "recorded sets those that met it apart.").toString();
      }
      return sb.append(" None of the facts recorded for them (").append(String.join(", ", held))
          .append(") was more common among those that met it.").toString();
    }
    for (int i = 0; i < Math.min(MAX_FACTORS_NAMED, apart.size()); i++) {
      PrecedentSummary.Factor x = apart.get(i);
      sb.append(i == 0 ? " " : "; ").append(x.recovered()).append(" of ").append(i == 0 ? "those " : "the ")
          .append(recovered).append(' ').append(PHRASES.get(x.code())).append(", against ").append(x.missed())
          .append(" of the ").append(missed).append(i == 0 ? " that missed" : "");
    }
    return sb.append('.').toString();
  }

  private static double share(PrecedentSummary.Factor x, int recovered, int missed) {
    return (double) x.recovered() / recovered - (double) x.missed() / missed;
  }

}
