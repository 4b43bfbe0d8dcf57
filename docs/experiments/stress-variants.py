"""Stress variants of a shared family, seeded. kind "thin": keep the first check-in, then one every 3 to 5 weeks
(drawn anew after each kept one). kind "burst": the value changes only at every 3rd check-in and is held in between.
The outcome (result.finalValue) is unchanged. usage: python3 stress-variants.py IN.jsonl OUT.jsonl thin|burst SEED"""
import json,sys,random
src,out,kind,seed=sys.argv[1],sys.argv[2],sys.argv[3],int(sys.argv[4])
rnd=random.Random(seed)
import datetime as dt
def ts(s): return dt.datetime.fromisoformat(s.replace("Z","+00:00"))
with open(out,"w") as w:
  for line in open(src):
    d=json.loads(line); kr=d["objectives"][0]["keyResults"][0]; cis=kr["checkIns"]
    if not cis: w.write(line); continue
    if kind=="thin":
      keep=[cis[0]]; gap=rnd.randint(3,5)
      for c in cis[1:]:
        if (ts(c["at"])-ts(keep[-1]["at"])).days>=gap*7-1: keep.append(c); gap=rnd.randint(3,5)
      kr["checkIns"]=keep
    else:  # bursts: value changes only at every 3rd check-in (held flat in between)
      held=cis[0]["value"]; k=rnd.randint(0,2); new=[]
      for i,c in enumerate(cis):
        if i%3==k: held=c["value"]
        new.append({**c,"value":held})
      kr["checkIns"]=new
    w.write(json.dumps(d)+"\n")
