# The Brier of movement-aware per origin, before and after giving a key result without an increment at the origin
# the hit rate given (docs/experiments/no-increment-base-rate.md). Usage: CYCLES.jsonl PER-FORECAST.csv HIT_RATE
import json,sys,csv,collections,datetime as dt
from zoneinfo import ZoneInfo
cyc={}
for line in open(sys.argv[1]):
    d=json.loads(line); c=d['cycle']; z=ZoneInfo(c.get('zone','UTC'))
    s=dt.datetime.fromisoformat(c['start']).replace(tzinfo=z); e=(dt.datetime.fromisoformat(c['end'])+dt.timedelta(days=1)).replace(tzinfo=z)
    for o in d['objectives']:
        for k in o['keyResults']:
            ts=[dt.datetime.fromisoformat(ci['at'].replace('Z','+00:00')) for ci in k['checkIns']]
            cyc[(c['id'],k['id'])]=(s,e,ts)
hr=float(sys.argv[3])
acc=collections.defaultdict(lambda:[0,0.0,0.0,0,0])
for r in csv.DictReader(open(sys.argv[2])):
    if r['method']!='movement-aware': continue
    o=float(r['origin']); s,e,ts=cyc[(r['cycle'],r['keyResult'])]
    t=s+(e-s)*o
    n=sum(1 for x in ts if x<=t and (x-s).total_seconds()>(e-s).total_seconds()*1e-6)
    p=float(r['probability']); y=1.0 if r['hit']=='true' else 0.0
    a=acc[o]; a[0]+=1; a[1]+=(p-y)**2
    q=hr if n==0 else p
    a[2]+=(q-y)**2
    if n==0: a[3]+=1; a[4]+=y
for o in sorted(acc):
    a=acc[o]; print(f"origin {o}: n {a[0]} brier {a[1]/a[0]:.4f} -> {a[2]/a[0]:.4f}; no-increment {a[3]} hit {a[4]/max(1,a[3]):.3f}")
