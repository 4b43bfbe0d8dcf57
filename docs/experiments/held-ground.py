"""How often a key result whose values never went back ended behind where it stood: the evidence for holding a
forecast's landing value and interval at where it stands (Forecaster.holdGround). For each increase or decrease key
result of okr-cycle/1 JSON Lines files, at 25, 50 and 75% of its cycle: those short of their target with at least
three check-ins by then, how many never went back from their baseline through every check-in, and how many of those
ended (result.finalValue, else the latest check-in) behind where they stood at that point.
usage: python3 held-ground.py CYCLES.jsonl...   (../shared/data/*.jsonl)"""
import datetime as dt, json, sys


def instant(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


for f in sys.argv[1:]:
    for frac in (0.25, 0.5, 0.75):
        short = held = behind = 0
        for line in open(f):
            c = json.loads(line)
            start = instant(c["cycle"]["start"] + "T00:00:00+00:00")
            end = instant(c["cycle"]["end"] + "T00:00:00+00:00") + dt.timedelta(days=1)
            origin = start + (end - start) * frac
            for o in c["objectives"]:
                for kr in o["keyResults"]:
                    m = kr["metric"]
                    if m["direction"] not in ("increase", "decrease") or m.get("baseline") is None:
                        continue
                    sign = 1 if m["direction"] == "increase" else -1
                    seen = [ci["value"] for ci in kr["checkIns"] if instant(ci["at"]) <= origin]
                    if len(seen) < 3 or sign * (seen[-1] - m["target"]) >= 0:
                        continue
                    short += 1
                    values = [m["baseline"]] + seen
                    if all(sign * (b - a) >= 0 for a, b in zip(values, values[1:])):
                        held += 1
                        ended = (kr.get("result") or {}).get("finalValue", kr["checkIns"][-1]["value"])
                        behind += sign * (ended - seen[-1]) < 0
        print("%s at %d%%: %d short of target with 3+ check-ins, %d never went back, %d of those ended behind (%.1f%%)"
              % (f.split("/")[-1], frac * 100, short, held, behind, 100.0 * behind / max(held, 1)))
