"""Mean probability, hit rate and Brier score of movement-aware and plan-prior-bayes at one origin, by how the key
result moved before it (unmoved; stepped back; a burst above 0.5 or an even pace, the burst feature as
docs/forecast-model.md defines it, from the check-ins strictly before the origin). usage: python3 by-movement.py
CYCLES.jsonl PER-FORECAST.csv ORIGIN (the CSV of `okr backtest CYCLES.jsonl --method all --per-forecast FILE`)."""
import csv,json,datetime as dt,collections,sys
fam,csvf,origin=sys.argv[1],sys.argv[2],float(sys.argv[3])
docs={}
for l in open(fam):
    d=json.loads(l); docs[d['cycle']['id']]=d
rows=[r for r in csv.DictReader(open(csvf)) if float(r['origin'])==origin and r['method'] in('movement-aware','plan-prior-bayes')]
def P(s): return dt.datetime.fromisoformat(s.replace('Z','+00:00'))
g=collections.defaultdict(list)
for r in rows:
    d=docs[r['cycle']]; kr=d['objectives'][0]['keyResults'][0]; m=kr['metric']
    start=dt.datetime.fromisoformat(d['cycle']['start']+'T00:00:00+00:00'); end=dt.datetime.fromisoformat(d['cycle']['end']+'T00:00:00+00:00')+dt.timedelta(days=1)
    L=(end-start).total_seconds()
    b=m.get('baseline',0); t=m['target']
    pts=[(0.0,0.0)]
    for c in kr['checkIns']:
        x=(P(c['at'])-start).total_seconds()/L
        if x>=origin: break
        y=(c['value']-b)/(t-b)
        if x<=0: pts[0]=(0.0,y)
        else: pts.append((x,y))
    inc=[(pts[i][0]-pts[i-1][0],pts[i][1]-pts[i-1][1]) for i in range(1,len(pts))]
    S=sum(dy for dx,dy in inc); T=sum(dx for dx,dy in inc)
    back=any(dy<0 for dx,dy in inc)
    if S<=0: cls='unmoved'
    elif back: cls='back'
    else:
        ss=sum(dy*dy/dx for dx,dy in inc if dx>0)
        burst=1-S*S/(T*ss) if ss>0 else 0
        cls='burst>.5' if burst>0.5 else 'burst<=.5'
    g[(r['method'],cls)].append((float(r['probability']),r['hit']=='true'))
for k,v in sorted(g.items()):
    n=len(v); print(k,n,'meanP=%.3f hit=%.3f brier=%.3f'%(sum(p for p,h in v)/n,sum(h for p,h in v)/n,sum((p-h)**2 for p,h in v)/n))
