package org.okrengine.retro;

import static org.okrengine.retro.Figures.ratio;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;

/**
 * Check-in cadence over every key result and by team: gaps between consecutive check-ins in whole hours (rounded),
 * the cycle's 7-day slices with a check-in, and the longest silence within the cycle (times in whole seconds).
 * Memory does not grow with the gaps' length ({@link GapHistogram}).
 */
final class CadenceSection implements Section<CadenceSection> {
  /** By team; over every key result it is the teams' merged (each key result has one team). */
  final Map<String, CadAcc> byTeam = new HashMap<>();
  /** The teams' sums by the facts' team number ({@link CycleFacts#teams}), null where not looked up yet. */
  private CadAcc[] byNumber = new CadAcc[16];

  @Override
  public void add(CycleFacts f) {
    Span span = f.span;
    CadAcc[] slots = byNumber = f.teamSlots(byNumber);
    for (int i = 0; i < f.size; i++) {
      KeyResult kr = f.keyResults[i];
      CadAcc last = slots[f.teams[i]];
      if (last == null) {
        last = byTeam.computeIfAbsent(f.teamIds[f.teams[i]], k -> new CadAcc());
        slots[f.teams[i]] = last;
      }
      int first = f.from[i];
      int end = f.from[i + 1];
      last.keyResult(span, end - first);
      long longest = 0;
      long previous = span.startSec;
      long lastWeek = -1;
      int weeksSeen = 0;
      long[] atSeconds = f.atSeconds;
      last.gapHours.addGaps(atSeconds, first, end);
      for (int c = first; c < end; c++) {
        long at = atSeconds[c];
        if (at >= span.startSec && at < span.endSec) {
          longest = Math.max(longest, at - previous);
          previous = at;
          long week = (at - span.startSec) / Span.WEEK_SECONDS;
          weeksSeen += week != lastWeek ? 1 : 0; // not a branch: check-ins share weeks in no order
          lastWeek = week;
        }
      }
      longest = Math.max(longest, span.endSec - previous);
      last.weeksSeen(weeksSeen, longest, span.id, kr.id());
      Double agreed = f.cycle.checkInEveryDays();
      if (agreed != null) {
        last.agreedDays = Math.max(last.agreedDays, agreed);
      }
    }
  }

  @Override
  public void merge(CadenceSection o) {
    o.byTeam.forEach((team, theirs) -> byTeam.computeIfAbsent(team, k -> new CadAcc()).merge(theirs));
  }

  @Override
  public void write(ByteWriter out) {
    out.writeMap(byTeam, CadAcc::write);
    // the agreed cadences after the map, only where a team has one: bytes without them read as before (none agreed)
    TreeMap<String, CadAcc> sorted = new TreeMap<>(byTeam);
    if (sorted.values().stream().anyMatch(c -> c.agreedDays > 0)) {
      out.writeByte(1);
      for (CadAcc c : sorted.values()) {
        out.writeLong(Double.doubleToLongBits(c.agreedDays));
      }
    }
  }

  @Override
  public void read(ByteReader in) {
    in.readMap("cadence by team", 7 * 8, byTeam, (r, team, what) -> {
      CadAcc c = new CadAcc();
      c.read(r, what);
      return c;
    });
    if (in.position() == in.limit()) {
      return;
    }
    in.check(in.readByte() == 1, "cadence: the byte after the teams must be 1 (their agreed cadences follow)");
    boolean any = false;
    for (Map.Entry<String, CadAcc> e : new TreeMap<>(byTeam).entrySet()) {
      in.check(in.position() + 8 <= in.limit(), "cadence by team " + e.getKey() + " agreed cadence is missing");
      double days = Double.longBitsToDouble(in.readLong());
      in.check(days == 0 || (days > 0 && days <= Cycle.MAX_LENGTH_DAYS),
          "cadence by team " + e.getKey() + " agreed cadence must be 0 (none) or above 0 and at most "
              + Cycle.MAX_LENGTH_DAYS + " days");
      e.getValue().agreedDays = days;
      any |= days > 0;
    }
    in.check(any, "cadence: agreed cadences are written only where a team has one");
  }

  @Override
  public void report(ReportParts r) {
    CadAcc overall = new CadAcc();
    byTeam.values().forEach(overall::merge);
    r.cadence = overall.stats(null);
    for (Map.Entry<String, CadAcc> e : new TreeMap<>(byTeam).entrySet()) {
      r.cadenceByTeam.add(e.getValue().stats(e.getKey()));
      if (e.getValue().agreedDays > 0) {
        r.agreedCheckInDays.put(e.getKey(), e.getValue().agreedDays);
      }
    }
  }

  /** Cadence sums of all key results or one team's. */
  static final class CadAcc {
    long keyResults;
    long withoutCheckIns;
    long checkIns;
    final GapHistogram gapHours = new GapHistogram();
    long weeks;
    long weeksWithCheckIn;
    /** The longest silence in seconds, or -1 before the first key result. */
    long longest = -1;
    String longestCycle;
    String longestKeyResult;
    /**
     * The check-in cadence agreed in days: the largest {@code checkInEveryDays} of the cycles of its key results that
     * declare one, 0 where none does.
     */
    double agreedDays;

    /** Counts a key result of {@code span} with {@code checkIns} check-ins. */
    void keyResult(Span span, int checkIns) {
      keyResults++;
      weeks += span.weeks;
      this.checkIns += checkIns;
      if (checkIns == 0) {
        withoutCheckIns++;
      }
    }

    /** Adds a key result's weeks with a check-in and its longest silence in seconds. */
    void weeksSeen(int weeksSeen, long longestSeconds, String cycle, String kr) {
      weeksWithCheckIn += weeksSeen;
      silence(longestSeconds, cycle, kr);
    }

    /** Keeps the longer silence; of equal ones, the one of the least cycle id, then key result id. */
    void silence(long seconds, String cycle, String kr) {
      if (seconds > longest || (seconds == longest && (cycle.compareTo(longestCycle) < 0
          || (cycle.equals(longestCycle) && kr.compareTo(longestKeyResult) < 0)))) {
        longest = seconds;
        longestCycle = cycle;
        longestKeyResult = kr;
      }
    }

    void merge(CadAcc o) {
      keyResults += o.keyResults;
      withoutCheckIns += o.withoutCheckIns;
      checkIns += o.checkIns;
      gapHours.merge(o.gapHours);
      weeks += o.weeks;
      weeksWithCheckIn += o.weeksWithCheckIn;
      if (o.longest >= 0) {
        silence(o.longest, o.longestCycle, o.longestKeyResult);
      }
      agreedDays = Math.max(agreedDays, o.agreedDays);
    }

    void write(ByteWriter out) {
      out.writeLong(keyResults);
      out.writeLong(withoutCheckIns);
      out.writeLong(checkIns);
      gapHours.write(out);
      out.writeLong(weeks);
      out.writeLong(weeksWithCheckIn);
      out.writeLong(longest);
      if (longest >= 0) {
        out.writeString(longestCycle);
        out.writeString(longestKeyResult);
      }
    }

    void read(ByteReader in, String what) {
      keyResults = in.readCount(what + " keyResults");
      withoutCheckIns = in.readCount(what + " keyResultsWithoutCheckIns");
      checkIns = in.readCount(what + " checkIns");
      gapHours.read(in, what + " gaps");
      weeks = in.readCount(what + " weeks");
      weeksWithCheckIn = in.readCount(what + " weeksWithCheckIn");
      longest = in.readLong(what + " longest silence", -1, Long.MAX_VALUE);
      if (longest >= 0) {
        longestCycle = in.readString(what + " longest silence cycle");
        longestKeyResult = in.readString(what + " longest silence key result");
      }
      in.check(withoutCheckIns <= keyResults && gapHours.size() <= checkIns && weeksWithCheckIn <= weeks
          && (longest >= 0) == (keyResults > 0), what + " has counts that contradict each other");
    }

    CadenceStats stats(String team) {
      return new CadenceStats(team, keyResults, withoutCheckIns, checkIns, gapHours.median(24),
          weeks, weeksWithCheckIn, ratio(weeksWithCheckIn, weeks),
          longest < 0 ? null : longest / Cycle.SECONDS_PER_DAY, longestCycle, longestKeyResult);
    }
  }
}
