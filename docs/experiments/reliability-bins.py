"""Ten equal-width reliability bins per origin of the movement-aware rows of an okr backtest --per-forecast CSV;
lists the bins that miss the forecasts issue's rule (hit rate within 2 standard errors of the mean probability, and
within 0.05 where the bin holds 100 or more), and Murphy's decomposition of the Brier score over the same bins
(reliability - resolution + uncertainty; Brier - reliability is about what the same forecasts would score
recalibrated bin by bin with hindsight). usage: python3 reliability-bins.py PER-FORECAST.csv"""
import csv,sys,math,collections
rows=[r for r in csv.DictReader(open(sys.argv[1])) if r["method"]=="movement-aware"]
for origin in sorted(set(r["origin"] for r in rows))+["all"]:
  b=collections.defaultdict(list)
  for r in rows:
    if origin!="all" and r["origin"]!=origin: continue
    p=float(r["probability"]); b[min(int(p*10),9)].append((p,r["hit"]=="true"))
  bad=[]
  allp=[x for v in b.values() for x in v]; br=sum((p-h)**2 for p,h in allp)/len(allp)
  for k in sorted(b):
    v=b[k]; n=len(v); mp=sum(p for p,h in v)/n; hr=sum(h for p,h in v)/n; se=math.sqrt(mp*(1-mp)/n) if 0<mp<1 else 0
    ok=abs(hr-mp)<=2*se+1e-9 and (n<100 or abs(hr-mp)<=0.05)
    if not ok: bad.append(f"{k/10:.1f}(n={n},p={mp:.2f},h={hr:.2f})")
  base=sum(h for p,h in allp)/len(allp)
  rel=sum(len(v)*(sum(p for p,h in v)/len(v)-sum(h for p,h in v)/len(v))**2 for v in b.values())/len(allp)
  res=sum(len(v)*(sum(h for p,h in v)/len(v)-base)**2 for v in b.values())/len(allp)
  print(origin, "n=%d brier=%.3f"%(len(allp),br), "miscalibrated:", " ".join(bad) or "none")
  print("   reliability=%.4f resolution=%.4f uncertainty=%.4f brier-reliability=%.4f"%(rel,res,base*(1-base),br-rel))
