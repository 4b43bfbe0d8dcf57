"""Counts the forecasts of an okr backtest --per-forecast CSV whose landing value or 80% interval lies on the other
side of the target from their probability (the contradiction 5c03152 removed for the default method): a landing
short of the target beside a chance of one half or more (or at or beyond it below one half), an interval wholly
short of the target beside a chance above 0.1, one wholly at or beyond it beside a chance below 0.9. Reads each key
result's baseline and target from the okr-cycle/1 JSON Lines file the backtest ran on.
usage: python3 landing-consistency.py PER-FORECAST.csv CYCLES.jsonl [METHOD]   (METHOD: movement-aware by default)"""
import csv, json, sys
method = sys.argv[3] if len(sys.argv) > 3 else "movement-aware"
span = {}
for line in open(sys.argv[2]):
    c = json.loads(line)
    for o in c["objectives"]:
        for kr in o["keyResults"]:
            m = kr["metric"]
            span[(c["cycle"]["id"], kr["id"])] = (m["baseline"], m["target"])
n = landing = below = above = 0
for r in csv.DictReader(open(sys.argv[1])):
    if r["method"] != method or not r["low"]:
        continue
    b, t = span[(r["cycle"], r["keyResult"])]
    up = t > b
    p, lo, hi, land = float(r["probability"]), float(r["low"]), float(r["high"]), float(r["landing"])
    beyond = lambda v: v >= t if up else v <= t
    n += 1
    landing += beyond(land) != (p >= 0.5)
    below += (not beyond(hi if up else lo)) and p > 0.1
    above += beyond(lo if up else hi) and p < 0.9
print("%s: %d forecasts with an interval; landing on the other side of the target from P: %d; interval wholly short"
      " of the target with P > 0.1: %d; wholly at or beyond it with P < 0.9: %d" % (method, n, landing, below, above))
