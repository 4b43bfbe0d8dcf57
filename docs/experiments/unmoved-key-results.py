"""Mean probability and hit rate of the key results that have not moved by each origin (25%, 50%, 75%).

usage: python3 unmoved-key-results.py CYCLES.jsonl PER-FORECAST.csv   (the CSV of okr backtest --per-forecast;
single-key-result cycles as in ../shared/data; an origin's check-ins are those strictly before it)
"""
import json,sys,csv,datetime as dt
def ts(s):
    if len(s)==10: return dt.datetime.fromisoformat(s+"T00:00:00+00:00").timestamp()
    return dt.datetime.fromisoformat(s.replace("Z","+00:00")).timestamp()
def load(data):
    out={}
    for line in open(data):
        d=json.loads(line); c=d["cycle"]; s=ts(c["start"]); e=ts(c["end"])+86400
        kr=d["objectives"][0]["keyResults"][0]; m=kr["metric"]
        out[c["id"]]=(s,e,m["baseline"],m["target"],[(ts(ci["at"]),ci["value"]) for ci in kr["checkIns"]])
    return out
cy=load(sys.argv[1])
for x0 in (0.25,0.5,0.75):
  ps=[];hs=[]
  for r in csv.DictReader(open(sys.argv[2])):
    if float(r["origin"])!=x0 or r["method"]!="movement-aware": continue
    s,e,b,t,cis=cy[r["cycle"]]; o=s+x0*(e-s)
    seen=[(a,v) for a,v in cis if a<o]; y=(seen[-1][1]-b)/(t-b) if seen else 0.0
    if y<=0: ps.append(float(r["probability"])); hs.append(r["hit"]=="true")
  if ps: print(x0, len(ps), "meanP %.3f hit %.3f"%(sum(ps)/len(ps), sum(hs)/len(hs)))
