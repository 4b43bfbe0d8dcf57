package org.okrengine.deps;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.okrengine.model.NodeKind;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SafeText;
import org.okrengine.model.internal.Digits;
import org.okrengine.model.internal.Lateness;

/**
 * The working arrays of cascade analysis, each as long as the graph, reused from one source to the next: the
 * propagation of one slip with everything counted over what it reaches ({@link #run}), then what it reaches nearest
 * first as far as the bounded lists and the sentence need ({@link #summary}) or all of it ({@link #nearestFirst}).
 * Not thread-safe: one per call.
 */
final class CascadeScratch {
  /*
   * One run costs a pass over what the slip reaches in topological order, which also counts and sums everything
   * that does not depend on the order (how many, the teams, the key results by team, the earliest need-by date, the
   * objectives and the impact, the highest probability), and a breadth-first walk that stops once the lists are
   * full: the nearest Cascade.MAX_AFFECTED_LISTED items and objectives and the first key results of each team the
   * sentence names. A level of that walk is sorted by id before any of it is used, so the prefix it gives is the
   * prefix of the whole order.
   */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  /* A sentence names at most this many teams, and this many key results of each team or objectives. */
  private static final int MAX_TEAMS_NAMED = 4;
  private static final int MAX_ITEMS_NAMED = 4;

  final DependencyGraph g;
  /**
   * Whether the sentences are in the past tense (the cycle is over: "was 57 days late when the cycle ended", "needed
   * it", "were at risk").
   */
  boolean past;
  /** The instant the sentences are written at (null: not known), for where a key result ended (Lateness). */
  java.time.Instant asOf;
  /** After {@link #run}: the slip and the probability of miss at each reached node. */
  final double[] slip;
  final double[] miss;
  /** After {@link #run}: the reached nodes but the source, in topological order, at [0, count). */
  final int[] order;
  private final int[] queue;
  private final int[] reached;
  /** The reached nodes not yet processed, as bits by node number; all clear between runs. */
  private final long[] pending;
  private final int[] queued;
  private final int[] teamSeen;
  private final int[] teams;
  private final int[] krTeamSeen;
  private final int[] krTeamCount;
  private final int[] krTeams;
  /** The first {@link #MAX_ITEMS_NAMED} key results reached of each team (number + 1), nearest first. */
  private final int[] krFirst;
  private final int[] krNamed;
  /** The key results measuring each objective, in the order of its edges: measured[measuredStart[o] ..]. */
  private final int[] measuredStart;
  private final int[] measured;
  private final double[] measuredWeight;
  /** Per key result, the objective it measures (or -1) and its place among that objective's key results. */
  private final int[] measuring;
  private final int[] measuredBit;
  /** Per objective, the key results reached so far in this run (bits by place), valid when the mask is the stamp. */
  private final long[] reachedBits;
  private final int[] measuredMask;
  /** Per node, the earliest need-by day of its incoming edges (Integer.MAX_VALUE when none has one). */
  private final int[] earliestInNeedBy;
  /** The source and its seeds in this run (stamp): never counted as reached. */
  private final int[] fixed;
  private int stamp;
  /** The last run's seeds: seedNodes[seedFrom, seedTo). */
  private int[] seedNodes = NO_SEEDS;
  private int seedFrom;
  private int seedTo;
  private static final int[] NO_SEEDS = new int[0];

  // what the last run counted over everything it reached
  private int count;
  private int teamCount;
  private int keyResults;
  private int krTeamTotal;
  private int needBy;
  /** The first key result reached that needs the source by {@link #needBy}, and how many need it by that day. */
  private int needByKr;
  private int needBySame;
  private int objectiveCount;
  private double impact;
  private double maxMiss;

  CascadeScratch(DependencyGraph g) {
    this.g = g;
    int n = g.size();
    slip = new double[n];
    miss = new double[n];
    order = new int[n];
    queue = new int[n];
    reached = new int[n];
    pending = new long[(n + 63) >>> 6];
    queued = new int[n];
    teamSeen = new int[g.teamIds.length];
    teams = new int[g.teamIds.length];
    krTeamSeen = new int[g.teamIds.length + 1];
    krTeamCount = new int[g.teamIds.length + 1];
    krTeams = new int[g.teamIds.length + 1];
    krFirst = new int[(g.teamIds.length + 1) * MAX_ITEMS_NAMED];
    krNamed = new int[g.teamIds.length + 1];
    measuredStart = new int[n + 1];
    int m = 0;
    for (int v = 0; v < n; v++) {
      measuredStart[v] = m;
      for (int k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        m += g.kind[g.inEdge[k]] == EdgeKind.MEASURES.ordinal() ? 1 : 0;
      }
    }
    measuredStart[n] = m;
    measured = new int[m];
    measuredWeight = new double[m];
    measuring = new int[n];
    measuredBit = new int[n];
    Arrays.fill(measuring, -1);
    for (int v = 0, at = 0; v < n; v++) {
      for (int k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        if (g.kind[g.inEdge[k]] == EdgeKind.MEASURES.ordinal()) {
          int u = g.from[g.inEdge[k]];
          measuring[u] = v;
          measuredBit[u] = at - measuredStart[v];
          measuredWeight[at] = g.weight[u];
          measured[at++] = u;
        }
      }
    }
    reachedBits = new long[n];
    measuredMask = new int[n];
    earliestInNeedBy = new int[n];
    fixed = new int[n];
    for (int v = 0; v < n; v++) {
      int e = Integer.MAX_VALUE;
      for (int j = g.inStart[v]; j < g.inStart[v + 1]; j++) {
        if (g.inNeedBy[j] != DependencyGraph.NO_DAY) {
          e = Math.min(e, g.inNeedBy[j]);
        }
      }
      earliestInNeedBy[v] = e;
    }
  }

  /** A cascade before its per-item figures are known: everything it reaches summarised, its lists bounded. */
  record Summary(int source, double slipDays, List<String> affected, int affectedCount, List<String> teams,
      List<String> objectives, boolean crossesTeams, double impact, double maxMissProbability, String sentence) {}

  /**
   * Propagates the slip of {@code risk} from {@code source}; returns how many nodes it reaches, the source not
   * counted (they are then in {@link #order}, with their figures in {@link #slip} and {@link #miss}).
   */
  int run(int source, NodeRisk risk) {
    return run(source, risk, NO_SEEDS, 0, 0, null);
  }

  /**
   * As {@link #run(int, NodeRisk)}, with the seeds {@code seeds[from, to)} (the source's late milestones, by node
   * number, each upstream of it) propagating with it, each with its own risk in {@code byNode}.
   */
  int run(int source, NodeRisk risk, int[] seeds, int from, int to, NodeRisk[] byNode) {
    stamp++;
    seedNodes = seeds;
    seedFrom = from;
    seedTo = to;
    count = 0;
    teamCount = 0;
    keyResults = 0;
    krTeamTotal = 0;
    needBy = DependencyGraph.NO_DAY;
    needByKr = -1;
    needBySame = 0;
    objectiveCount = 0;
    impact = 0;
    maxMiss = 0;
    propagate(source, risk, seeds, from, to, byNode);
    return count;
  }

  /*
   * Slip and probability, in topological order over only the items the slip reaches. Node numbers are topological
   * positions and every edge runs to a higher number, so a bit set of the items reached and not yet processed,
   * scanned upward from the source, visits them in an order where every reached item upstream of one has been
   * processed before it and its figures are final: time linear in what is reached plus the span of numbers it
   * covers / 64 (a heap would cost a logarithm per item, and on a long chain whose objectives all come last it would
   * hold them all). While an item waits, miss[] holds the product of (1 - t * w) over the edges that reached it (t:
   * CascadeAnalyzer, "Probability"); p t once the walk is done.
   *
   * Seeds (the source's late milestones) are upstream of the source: the walk then starts at the first of them. The
   * source and the seeds are marked fixed (never counted). The source takes back its own figures when its turn comes,
   * whatever arrived (its seeds' part-of edges); a seed waits as a reached item does from its own slip and t, so what
   * arrives from another seed's path adds to it. Without seeds nothing below the source is reached, so "u > source"
   * alone says u is counted.
   */
  private void propagate(int source, NodeRisk risk, int[] seeds, int seedsFrom, int seedsTo, NodeRisk[] byNode) {
    // the graph's and this scratch's arrays, and what is counted, in locals: the loop runs once per item reached
    // per source (quadratic on a chain), and fields written through calls are kept in memory
    int[] outStart = g.outStart;
    int[] to = g.outTo;
    int[] slack = g.outSlack;
    double[] weight = g.outWeight;
    int[] team = g.team;
    byte[] nodeKind = g.nodeKind;
    int[] inStart = g.inStart;
    int[] inNeedBy = g.inNeedBy;
    int[] inFrom = g.inFrom;
    int[] earliestIn = earliestInNeedBy;
    double[] slipOf = slip;
    double[] missOf = miss;
    int[] seen = reached;
    long[] bits = pending;
    int now = stamp;
    byte objective = (byte) NodeKind.OBJECTIVE.ordinal();
    byte keyResult = (byte) NodeKind.KEY_RESULT.ordinal();
    // whose need-by dates are the source's own: the source's, a milestone's initiative's (a milestone is needed
    // through its initiative), and the seeds' (fixed)
    int owner = CascadeAnalyzer.initiativeOf(g, source);
    boolean seeded = seedsFrom < seedsTo;
    int[] fixedAt = fixed;
    int n = 0;
    int krs = 0;
    int teamsSeen = 0;
    int krTeamsSeen = 0;
    int objectivesSeen = 0;
    int earliest = DependencyGraph.NO_DAY;
    int earliestKr = -1;
    int same = 0;
    double share = 0;
    double highest = 0;
    seen[source] = now;
    slipOf[source] = risk.slipDays();
    // the walk carries t, the chance the source's slip passes to an item given that slip (1 at the source); an
    // item's probability of missing because of it is p t, set once the walk is done
    double p = risk.probabilityOfMiss();
    missOf[source] = 1.0;
    int u = source;
    if (seeded) {
      fix(source, risk.slipDays(), 1.0);
      u = seeds[seedsFrom];
      bits[source >>> 6] |= 1L << source;
      for (int k = seedsFrom; k < seedsTo; k++) {
        int v = seeds[k];
        seen[v] = now;
        // a seed's slip is its initiative's (the initiative is as late as its latest milestone): the same event, as
        // likely to pass on as its own probability is of the source's
        double q = byNode[v].probabilityOfMiss();
        fix(v, byNode[v].slipDays(), p > 0 ? Math.min(1.0, q / p) : 0.0);
        // waiting as a reached item waits (1 - t in miss[]): what arrives from another seed's path adds to it, as a
        // milestone blocked by a later one of its initiative is as late as that one
        missOf[v] = 1 - missOf[v];
        if (k > seedsFrom) {
          bits[v >>> 6] |= 1L << v;
        }
      }
    }
    while (u >= 0) {
      double slipU = slipOf[u];
      double missU = missOf[u];
      if (u > source || (u < source && fixedAt[u] != now)) {
        // u's figures are final (everything upstream of it has been processed): count it
        double m = 1 - missU;
        missOf[u] = m;
        missU = m;
        order[n++] = u;
        if (m > highest) {
          highest = m; // probabilities: no NaN, no -0 (1 - x), so as Math.max, without its checks
        }
        int t = team[u];
        if (t >= 0 && teamSeen[t] != now) {
          teamSeen[t] = now;
          teams[teamsSeen++] = t;
        }
        byte kind = nodeKind[u];
        if (kind == objective) {
          objectivesSeen++;
          share += affectedShare(u, source);
        } else if (kind == keyResult) {
          int o = measuring[u];
          if (o >= 0 && measuredBit[u] < 64) {
            if (measuredMask[o] != now) {
              measuredMask[o] = now;
              reachedBits[o] = 0;
            }
            reachedBits[o] |= 1L << measuredBit[u];
          }
          krs++;
          int kt = t + 1;
          if (krTeamSeen[kt] != now) {
            krTeamSeen[kt] = now;
            krTeamCount[kt] = 0;
            krTeams[krTeamsSeen++] = kt;
          }
          krTeamCount[kt]++;
          // none of u's need-by dates can be earlier than the earliest so far, or as early: skip its edges
          int from = earliest == DependencyGraph.NO_DAY || earliestIn[u] <= earliest ? inStart[u] : inStart[u + 1];
          int mine = DependencyGraph.NO_DAY;
          for (int j = from, end = inStart[u + 1]; j < end; j++) {
            int day = inNeedBy[j];
            // only the source's own edges (or its initiative's, for a milestone): the sentence says the key results
            // "need it by" that date, "it" being the source (a need-by further down the chain, KR-7 needed by KR-3
            // on 15 Aug, read as I-2's)
            if (day != DependencyGraph.NO_DAY && (mine == DependencyGraph.NO_DAY || day < mine)
                && (inFrom[j] == source || inFrom[j] == owner || (seeded && fixedAt[inFrom[j]] == now))) {
              mine = day;
            }
          }
          // which key result needs it first, and how many by that day: where not all of them do, the sentence names
          // it ("need it, KR-7 by 10 Aug"; "need it by 10 Aug" read as every one's date)
          if (mine != DependencyGraph.NO_DAY) {
            if (earliest == DependencyGraph.NO_DAY || mine < earliest) {
              earliest = mine;
              earliestKr = u;
              same = 1;
            } else if (mine == earliest) {
              same++;
            }
          }
        }
      } else if (u == source) {
        // its own figures, whatever arrived (its seeds' part-of edges: their slips are part of its own)
        slipU = risk.slipDays();
        missU = 1.0;
        slipOf[u] = slipU;
        missOf[u] = missU;
      } else {
        // a seed: its own slip and t with what arrived from the other seeds' paths (the largest slip, t as any item's),
        // not counted as reached
        missU = 1 - missU;
        missOf[u] = missU;
      }
      // whether u + 1 is reached; it is then the next node, and its bit is not set (or is cleared) on the way
      boolean adjacent = false;
      int after = u + 1;
      for (int k = outStart[u], end = outStart[u + 1]; k < end; k++) {
        double arriving = slipU - slack[k];
        if (arriving > 0) {
          int w = to[k];
          double stay = 1 - missU * weight[k];
          if (seen[w] != now) {
            seen[w] = now;
            slipOf[w] = arriving;
            missOf[w] = stay;
            if (w == after) {
              adjacent = true;
            } else {
              bits[w >>> 6] |= 1L << w;
            }
          } else {
            if (arriving > slipOf[w]) {
              slipOf[w] = arriving; // slips are positive: as Math.max
            }
            missOf[w] *= stay;
            if (w == after && !adjacent) {
              adjacent = true;
              bits[w >>> 6] &= ~(1L << w); // reached before u: pending
            }
          }
        }
      }
      if (adjacent) {
        u = after; // the smallest node above u, so the smallest pending one (a chain's common step)
      } else if (after < seen.length && seen[after] == now) {
        u = after; // reached earlier and pending: the smallest pending node
        bits[u >>> 6] &= ~(1L << u);
      } else {
        u = nextPending(after);
      }
    }
    for (int i = 0; i < n; i++) {
      missOf[order[i]] *= p;
    }
    missOf[source] = p;
    count = n;
    keyResults = krs;
    teamCount = teamsSeen;
    krTeamTotal = krTeamsSeen;
    objectiveCount = objectivesSeen;
    needBy = earliest;
    needByKr = earliestKr;
    needBySame = same;
    impact = share;
    maxMiss = highest * p;
  }

  /** Marks {@code v} fixed in this run with slip {@code slipDays} and the chance {@code t} it passes that slip on. */
  private void fix(int v, double slipDays, double t) {
    fixed[v] = stamp;
    slip[v] = slipDays;
    miss[v] = t;
  }

  /** The smallest pending node from {@code from} on, cleared; -1 when none is left. */
  private int nextPending(int from) {
    int word = from >>> 6;
    if (word >= pending.length) {
      return -1;
    }
    long bits = pending[word] & (-1L << from);
    while (bits == 0) {
      if (++word == pending.length) {
        return -1;
      }
      bits = pending[word];
    }
    int v = (word << 6) + Long.numberOfTrailingZeros(bits);
    pending[word] &= ~(1L << v);
    return v;
  }

  /**
   * The share of objective {@code o}'s key-result weight that the slip reaches, the source not counted; its key
   * results are upstream of it, so they have been reached or not by now.
   */
  private double affectedShare(int o, int source) {
    double hit = 0;
    int from = measuredStart[o];
    if (measuredStart[o + 1] - from <= 64) {
      // the bits of the key results reached, set as each was counted, in the order of the objective's edges
      long bits = measuredMask[o] == stamp ? reachedBits[o] : 0;
      while (bits != 0) {
        hit += measuredWeight[from + Long.numberOfTrailingZeros(bits)];
        bits &= bits - 1;
      }
    } else {
      for (int k = from; k < measuredStart[o + 1]; k++) {
        int u = measured[k];
        if (u != source && reached[u] == stamp) {
          hit += measuredWeight[k];
        }
      }
    }
    return g.weight[o] > 0 ? hit / g.weight[o] : 0;
  }

  /** The summary of the last {@link #run}, from {@code source} with {@code risk}. */
  Summary summary(int source, NodeRisk risk) {
    Arrays.sort(krTeams, 0, krTeamTotal);
    int named = Math.min(krTeamTotal, MAX_TEAMS_NAMED);
    List<String> affected = new ArrayList<>(Math.min(count, Cascade.MAX_AFFECTED_LISTED));
    List<String> objectives = new ArrayList<>(Math.min(objectiveCount, Cascade.MAX_AFFECTED_LISTED));
    int wanted = 0;
    for (int k = 0; k < named; k++) {
      krNamed[krTeams[k]] = 0;
      wanted += Math.min(krTeamCount[krTeams[k]], MAX_ITEMS_NAMED);
    }
    // breadth first until the lists are full, each level by id
    int head = 0;
    int tail = start(source);
    while (head < tail && (affected.size() < Math.min(count, Cascade.MAX_AFFECTED_LISTED)
        || objectives.size() < Math.min(objectiveCount, Cascade.MAX_AFFECTED_LISTED) || wanted > 0)) {
      int levelStart = tail;
      tail = level(head, tail);
      head = levelStart;
      for (int k = levelStart; k < tail; k++) {
        int v = queue[k];
        if (affected.size() < Cascade.MAX_AFFECTED_LISTED) {
          affected.add(g.ids[v]);
        }
        byte kind = g.nodeKind[v];
        if (kind == NodeKind.OBJECTIVE.ordinal()) {
          if (objectives.size() < Cascade.MAX_AFFECTED_LISTED) {
            objectives.add(g.ids[v]);
          }
        } else if (kind == NodeKind.KEY_RESULT.ordinal()) {
          int kt = g.team[v] + 1;
          int at = Arrays.binarySearch(krTeams, 0, named, kt);
          if (at >= 0 && krNamed[kt] < MAX_ITEMS_NAMED) {
            krFirst[kt * MAX_ITEMS_NAMED + krNamed[kt]++] = v;
            wanted--;
          }
        }
      }
    }
    Arrays.sort(teams, 0, teamCount);
    String sourceTeam = g.teamOf(source);
    List<String> teamIds = new ArrayList<>(teamCount);
    boolean crosses = false;
    for (int k = 0; k < teamCount; k++) {
      teamIds.add(g.teamIds[teams[k]]);
      crosses |= !g.teamIds[teams[k]].equals(sourceTeam);
    }
    String sentence = sentence(source, sourceTeam, risk.slipDays(), named, objectives);
    return new Summary(source, risk.slipDays(), affected, count, teamIds, objectives, crosses, impact, maxMiss,
        sentence);
  }

  /** Everything the last {@link #run} from {@code source} reached, nearest first: its ids. */
  String[] nearestFirst(int source) {
    int head = 0;
    int tail = start(source);
    while (head < tail) {
      int levelStart = tail;
      tail = level(head, tail);
      head = levelStart;
    }
    int first = 1 + seedTo - seedFrom;
    String[] out = new String[tail - first];
    for (int k = first; k < tail; k++) {
      out[k - first] = g.ids[queue[k]];
    }
    return out;
  }

  /** Queues the first level of the last run's breadth-first walk, the source and its seeds; returns the tail. */
  private int start(int source) {
    int tail = 0;
    queue[tail++] = source;
    queued[source] = stamp;
    for (int k = seedFrom; k < seedTo; k++) {
      queue[tail++] = seedNodes[k];
      queued[seedNodes[k]] = stamp;
    }
    return tail;
  }

  /**
   * Appends to {@link #queue} the next breadth-first level: the reached nodes not queued yet that the edges carrying
   * slip lead to from {@code queue[head, tail)}, sorted by id; returns the new tail.
   */
  private int level(int head, int tail) {
    int end = tail;
    for (int k = head; k < tail; k++) {
      int u = queue[k];
      for (int j = g.outStart[u]; j < g.outStart[u + 1]; j++) {
        int w = g.outTo[j];
        if (reached[w] == stamp && queued[w] != stamp && slip[u] - g.outSlack[j] > 0) {
          queued[w] = stamp;
          queue[end++] = w;
        }
      }
    }
    g.sortByRank(queue, tail, end);
    return end;
  }

  /*
   * The sentence names each item as every sentence of the engine does: ID (Title) the first time, its id alone after
   * that and when its title is blank or its id; a team by its name after its items ("of Growth"), since the brackets
   * hold titles. Titles and team names are free text: control characters, line and paragraph separators,
   * bidirectional controls, the byte order mark and unpaired surrogates are written as backslash-u and hex, so that
   * a title cannot end the sentence's line, start another line, or hide or reorder what follows it. It names
   * at most 1 + MAX_TEAMS_NAMED * MAX_ITEMS_NAMED + MAX_ITEMS_NAMED items, each looked up by id in the cycle.
   */
  private String sentence(int source, String sourceTeam, double slipDays, int named, List<String> objectives) {
    OkrCycle cycle = g.cycle();
    Set<String> seen = new HashSet<>();
    StringBuilder sb = new StringBuilder(name(cycle, g.ids[source], seen));
    if (!sourceTeam.isEmpty()) {
      sb.append(", of ").append(teamName(cycle, sourceTeam)).append(',');
    }
    // once the cycle is over, in the past tense, and a key result where it ended (Lateness)
    sb.append(' ').append(Lateness.phrase(cycle, g.ids[source], slipDays, Math.round(slipDays)
        + (slipDays >= 0.5 && Math.round(slipDays) == 1 ? " day" : " days"), asOf));
    if (keyResults > 0) {
      // the key results reached, counted by team (team numbers + 1 are in id order; 0, no team, first), the first
      // few of each named team nearest first, and the earliest date one of them needs the source itself (a direct
      // dependency's need-by): for all ("need it by 10 Aug"), or naming the one that does ("need it, KR-7 by 10
      // Aug"), or counting those that do ("need it, 2 of them by 10 Aug")
      List<String> parts = new ArrayList<>();
      int listed = 0;
      for (int k = 0; k < named; k++) {
        int t = krTeams[k];
        List<String> krs = new ArrayList<>();
        for (int i = 0; i < krNamed[t]; i++) {
          krs.add(name(cycle, g.ids[krFirst[t * MAX_ITEMS_NAMED + i]], seen));
        }
        if (krTeamCount[t] > krs.size()) {
          krs.add(Digits.grouped(krTeamCount[t] - krs.size()) + " more");
        }
        parts.add(join(krs) + (t == 0 ? "" : " of " + teamName(cycle, g.teamIds[t - 1])));
        listed += krTeamCount[t];
      }
      if (listed < keyResults) {
        parts.add(Digits.grouped(keyResults - listed) + " more key results in " + Digits.grouped(krTeamTotal - named)
            + " more teams");
      }
      sb.append("; ").append(join(parts)).append(past ? " needed it" : keyResults == 1 ? " needs it" : " need it");
      if (needBy != DependencyGraph.NO_DAY) {
        String day = DAY.format(LocalDate.ofEpochDay(needBy));
        if (needBySame == keyResults) {
          sb.append(" by ").append(day);
        } else if (needBySame == 1) {
          sb.append(", ").append(name(cycle, g.ids[needByKr], seen)).append(" by ").append(day);
        } else {
          sb.append(", ").append(Digits.grouped(needBySame)).append(" of them by ").append(day);
        }
      }
    }
    if (objectiveCount > 0) {
      List<String> list = new ArrayList<>();
      for (String o : objectives.subList(0, Math.min(objectiveCount, MAX_ITEMS_NAMED))) {
        list.add(name(cycle, o, seen));
      }
      if (objectiveCount > list.size()) {
        list.add(Digits.grouped(objectiveCount - list.size()) + " more objectives");
      }
      sb.append("; ").append(join(list)).append(objectiveCount == 1 ? (past ? " was" : " is")
          : (past ? " were" : " are")).append(" at risk through ").append(keyResults == 0 ? "it" : "them");
    }
    return sb.append('.').toString();
  }

  /**
   * {@code id (title)} the first time {@code seen} meets {@code id}, the id alone after that and when the item's title
   * is null, blank or its id; both printable.
   */
  static String name(OkrCycle cycle, String id, Set<String> seen) {
    String title = cycle.keyResult(id).map(k -> k.title())
        .or(() -> cycle.initiative(id).map(i -> i.title()))
        .or(() -> cycle.milestone(id).map(m -> m.title()))
        .or(() -> cycle.objective(id).map(o -> o.title()))
        .orElse(null);
    boolean first = seen.add(id);
    return first && title != null && !title.isBlank() && !title.equals(id)
        ? SafeText.printable(id) + " (" + SafeText.printable(title) + ")" : SafeText.printable(id);
  }

  private static String teamName(OkrCycle cycle, String team) {
    return SafeText.printable(cycle.team(team).map(t -> t.name()).orElse(team));
  }


  private static String join(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
