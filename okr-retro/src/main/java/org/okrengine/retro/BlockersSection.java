package org.okrengine.retro;

import static org.okrengine.retro.Figures.ratio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;

/**
 * Blocker tags: on how many key results and check-ins each was named, for how long (first to last mention on a key
 * result), which teams it hit and how many of its key results missed.
 */
final class BlockersSection implements Section<BlockersSection> {
  final Map<String, BlockerAcc> blockers = new HashMap<>();
  /** One key result's distinct tags, with their first and last mention and count. */
  private String[] tags = new String[4];
  private long[] first = new long[4];
  private long[] last = new long[4];
  private int[] mentions = new int[4];

  @Override
  public void add(CycleFacts f) {
    for (int i = 0; i < f.size; i++) {
      if (f.blockedFrom[i] < f.blockedFrom[i + 1]) {
        add(f, i);
      }
    }
  }

  /** Adds key result {@code i} of {@code f}, which has check-ins that name a blocker. */
  private void add(CycleFacts f, int i) {
    KeyResult kr = f.keyResults[i];
    List<CheckIn> checkIns = kr.checkIns();
    int distinct = 0;
    for (int bc = f.blockedFrom[i]; bc < f.blockedFrom[i + 1]; bc++) {
      int c = f.blocked[bc];
      List<String> bs = checkIns.get(c - f.from[i]).blockers();
      long at = f.atSeconds[c];
      for (int j = 0; j < bs.size(); j++) {
        String b = bs.get(j);
        int k = 0;
        while (k < distinct && !tags[k].equals(b)) {
          k++;
        }
        if (k == distinct) {
          if (distinct == tags.length) {
            tags = Arrays.copyOf(tags, distinct * 2);
            first = Arrays.copyOf(first, distinct * 2);
            last = Arrays.copyOf(last, distinct * 2);
            mentions = Arrays.copyOf(mentions, distinct * 2);
          }
          tags[k] = b;
          first[k] = at;
          mentions[k] = 0;
          distinct++;
        }
        last[k] = at;
        mentions[k]++;
      }
    }
    boolean scored = f.scores[i] >= 0;
    boolean hit = f.hits[i];
    for (int k = 0; k < distinct; k++) {
      BlockerAcc b = blockers.get(tags[k]);
      if (b == null) {
        b = new BlockerAcc();
        blockers.put(tags[k], b);
      }
      long seconds = last[k] - first[k];
      b.keyResults++;
      b.mentions += mentions[k];
      b.seconds += seconds;
      b.maxSeconds = Math.max(b.maxSeconds, seconds);
      b.team(f, f.teams[i])[0]++;
      if (scored) {
        if (hit) {
          b.hits++;
        } else {
          b.misses++;
        }
      }
      tags[k] = null;
    }
  }

  @Override
  public void merge(BlockersSection o) {
    o.blockers.forEach((tag, theirs) -> blockers.computeIfAbsent(tag, k -> new BlockerAcc()).merge(theirs));
  }

  @Override
  public void write(ByteWriter out) {
    out.writeMap(blockers, BlockerAcc::write);
  }

  @Override
  public void read(ByteReader in) {
    in.readMap("blockers", 6 * 8 + 4, blockers, (r, tag, what) -> BlockerAcc.read(r, what));
  }

  @Override
  public void report(ReportParts r) {
    for (Map.Entry<String, BlockerAcc> e : blockers.entrySet()) {
      r.blockers.add(e.getValue().stats(e.getKey()));
    }
    r.blockers.sort((a, b) -> a.keyResults() != b.keyResults() ? Long.compare(b.keyResults(), a.keyResults())
        : a.mentions() != b.mentions() ? Long.compare(b.mentions(), a.mentions()) : a.tag().compareTo(b.tag()));
  }

  /** One blocker tag. */
  static final class BlockerAcc {
    long keyResults;
    long mentions;
    long seconds;
    long maxSeconds;
    long hits;
    long misses;
    /** Key results by team, each count in a one-element array. */
    final Map<String, long[]> teams = new HashMap<>();
    /** The counts of {@link #teams} by the facts' team number ({@link CycleFacts#teams}), null where not looked up. */
    private long[][] byNumber = new long[16][];

    /** The count of team number {@code team} of {@code f}, in {@link #teams} (0 when new). */
    long[] team(CycleFacts f, int team) {
      long[][] slots = byNumber = f.teamSlots(byNumber);
      long[] count = slots[team];
      if (count == null) {
        count = teams.computeIfAbsent(f.teamIds[team], k -> new long[1]);
        slots[team] = count;
      }
      return count;
    }

    void merge(BlockerAcc o) {
      keyResults += o.keyResults;
      mentions += o.mentions;
      seconds += o.seconds;
      maxSeconds = Math.max(maxSeconds, o.maxSeconds);
      hits += o.hits;
      misses += o.misses;
      o.teams.forEach((k, v) -> teams.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }

    void write(ByteWriter out) {
      out.writeLong(keyResults);
      out.writeLong(mentions);
      out.writeLong(seconds);
      out.writeLong(maxSeconds);
      out.writeLong(hits);
      out.writeLong(misses);
      out.writeMap(teams, (count, o) -> o.writeLong(count[0]));
    }

    static BlockerAcc read(ByteReader in, String what) {
      BlockerAcc b = new BlockerAcc();
      b.keyResults = in.readCount(what + " keyResults");
      b.mentions = in.readCount(what + " mentions");
      b.seconds = in.readCount(what + " seconds");
      b.maxSeconds = in.readCount(what + " maxSeconds");
      b.hits = in.readCount(what + " hits");
      b.misses = in.readCount(what + " misses");
      long[] byTeam = {0};
      in.readMap(what + " teams", 8, b.teams, (r, team, w) -> {
        long[] count = {r.readCount(w)};
        byTeam[0] += count[0];
        return count;
      });
      in.check(b.keyResults > 0 && b.mentions >= b.keyResults && b.maxSeconds <= b.seconds
          && b.hits + b.misses <= b.keyResults && byTeam[0] == b.keyResults,
          what + " has counts that contradict each other");
      return b;
    }

    BlockerStats stats(String tag) {
      List<TeamCount> t = new ArrayList<>();
      teams.forEach((k, v) -> t.add(new TeamCount(k, v[0])));
      t.sort((a, b) -> a.keyResults() != b.keyResults() ? Long.compare(b.keyResults(), a.keyResults())
          : a.team().compareTo(b.team()));
      return new BlockerStats(tag, keyResults, mentions, seconds / (double) keyResults / Cycle.SECONDS_PER_DAY,
          maxSeconds / Cycle.SECONDS_PER_DAY, t, hits, misses, ratio(misses, hits + misses));
    }
  }
}
