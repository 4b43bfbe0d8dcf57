"""How often key results hit their target by where they stand at an origin: below their baseline (progress < 0),
at it (0), a little way (under 0.2) or more; at the 25%, 50% and 75% origins of each cycle, from the check-ins up
to the origin. The movement-aware stage's `unmoved` feature is 1 at or below the baseline, so a key result that falls
below it is forecast as one that has not moved yet; this shows what the shared families say of those.
usage: python3 below-baseline.py CYCLES.jsonl"""
import collections, datetime as dt, json, sys

def instant(s):
    s = s.replace("Z", "+00:00")
    return dt.datetime.fromisoformat(s if "T" in s else s + "T00:00:00+00:00")

groups = collections.defaultdict(lambda: [0, 0])
for line in open(sys.argv[1]):
    c = json.loads(line)
    start, end = instant(c["cycle"]["start"]), instant(c["cycle"]["end"]) + dt.timedelta(days=1)
    length = (end - start).total_seconds()
    for o in c["objectives"]:
        for kr in o["keyResults"]:
            m, result = kr["metric"], kr.get("result")
            if not result or m["direction"] not in ("increase", "decrease"):
                continue
            b, t = m["baseline"], m["target"]
            hit = result["finalValue"] >= t if t > b else result["finalValue"] <= t
            for origin in (0.25, 0.5, 0.75):
                seen = [ci for ci in kr["checkIns"] if (instant(ci["at"]) - start).total_seconds() <= origin * length]
                y = (seen[-1]["value"] - b) / (t - b) if seen else 0.0
                where = "below" if y < 0 else "at" if y == 0 else "under 0.2" if y < 0.2 else "0.2 or more"
                groups[(origin, where)][0] += 1
                groups[(origin, where)][1] += hit
for (origin, where), (n, hits) in sorted(groups.items()):
    print("origin %.2f, %-11s n = %5d, hit rate %.3f" % (origin, where, n, hits / n))
