"""Where an outcome is a key result's last check-in, how much does forecasting it at the cycle's end cost?

Reads an okr-cycle/1 JSON Lines file and the --per-forecast CSV of `okr backtest --method plan-prior-bayes` on it,
and for the forecasts at one origin restates the trajectory's landing distribution at a different horizon:
- `end`: at the cycle's end, as the kernel forecasts (a normal with the 80% interval's spread, so the figures are
  comparable with each other, not with the kernel's own Student-t probability, also printed as `kernel`);
- `cadence`: at the expected last check-in, the last step of the key result's own median check-in gap from its
  latest check-in that does not pass the end (no look-ahead: only check-ins before the origin);
- `half`: half a mean gap before the end, never before the latest check-in, the gap x_n / n over the n check-ins
  after the start (the expected lag where check-ins fall at no fixed phase of the cycle; `Forecaster.withOutcomeFromLastCheckIn`
  does the same where 1 - x_n >= the gap, and takes the mean of the lag truncated at the latest check-in where it is
  less: outcome-horizon.md);
- `actual`: at the key result's actual last check-in (look-ahead; an upper bound of what knowing when the last
  check-in comes could give).
The mean moves along the trajectory's own line, current value + (landing - current) * f, and the spread by
sqrt(f), with f = (horizon - x_n) / (1 - x_n). Probabilities are clipped to [0.02, 0.98] alike. Prints Brier scores.

    python3 outcome-horizon.py FILE.jsonl FILE.csv ORIGIN
"""
import csv
import datetime as dt
import json
import math
import sys
from statistics import NormalDist

NORMAL = NormalDist()
Z80 = 1.2815515655446004


def seconds(s):
    if 'T' in s:
        return dt.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
    return dt.datetime.fromisoformat(s + 'T00:00:00+00:00').timestamp()


def main(jsonl, per_forecast, origin):
    krs = {}
    for line in open(jsonl):
        d = json.loads(line)
        start = seconds(d['cycle']['start'])
        end = seconds(d['cycle']['end']) + 86400  # the end date is the cycle's last day
        for o in d['objectives']:
            for k in o['keyResults']:
                krs[(d['cycle']['id'], k['id'])] = (start, end, k)
    sums = {'kernel': 0.0, 'end': 0.0, 'cadence': 0.0, 'half': 0.0, 'actual': 0.0}
    n = 0
    for r in csv.DictReader(open(per_forecast)):
        if float(r['origin']) != origin or r['method'] != 'plan-prior-bayes' or not r['low']:
            continue
        start, end, k = krs[(r['cycle'], r['keyResult'])]
        length = end - start
        at = start + origin * length
        m = k['metric']
        if m.get('direction', 'increase') != 'increase' or m['target'] == m.get('baseline', 0):
            continue
        seen = [(seconds(c['at']), c['value']) for c in k['checkIns'] if seconds(c['at']) < at]
        if len(seen) < 2:
            continue
        xn = (seen[-1][0] - start) / length
        yn = seen[-1][1]
        gaps = sorted((seen[i + 1][0] - seen[i][0]) / length for i in range(len(seen) - 1))
        gap = gaps[len(gaps) // 2]
        if gap <= 0 or xn >= 1:
            continue
        expected = xn + math.floor((1 - xn) / gap + 1e-9) * gap
        after = [t for t, _ in seen if t > start]
        half = 1 - min(1 - xn, 0.5 * xn / len(after)) if after else 1.0
        actual = (seconds(k['checkIns'][-1]['at']) - start) / length
        hit = r['hit'] == 'true'
        landing = float(r['landing'])
        spread = (float(r['high']) - float(r['low'])) / (2 * Z80)

        def probability(horizon):
            f = max(0.0, horizon - xn) / (1 - xn)
            mean = yn + (landing - yn) * f
            sd = spread * math.sqrt(f)
            p = (1.0 if mean >= m['target'] else 0.0) if sd <= 1e-12 else 1 - NORMAL.cdf((m['target'] - mean) / sd)
            return min(max(p, 0.02), 0.98)

        sums['kernel'] += (float(r['probability']) - hit) ** 2
        sums['end'] += (probability(1.0) - hit) ** 2
        sums['cadence'] += (probability(expected) - hit) ** 2
        sums['half'] += (probability(half) - hit) ** 2
        sums['actual'] += (probability(actual) - hit) ** 2
        n += 1
    print(f"{jsonl} at {origin:.0%}: {n} forecasts; Brier " + ", ".join(f"{k} {v / n:.4f}" for k, v in sums.items()))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
