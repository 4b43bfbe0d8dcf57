# When the key results that met their targets first reached them, as a fraction of their cycle (the end where only
# the result did): the maximum-likelihood exponent k of the share done by x, x^k, per shared family.
# Used for Forecaster.ACHIEVE_SHAPE. Run from the repository: python3 docs/experiments/achieve-shape.py
import json, math, os, sys
from datetime import datetime, date, timezone
def inst(s):
    if 'T' in s: return datetime.fromisoformat(s.replace('Z','+00:00'))
    return datetime.fromisoformat(s+'T00:00:00+00:00')
for name in ['tawos-quarterly-throughput.jsonl','tse2017-sprints.jsonl']:
    xs=[]; hits=0; n=0; atend=0
    for line in open(os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'data', name)):
        d=json.loads(line)
        c=d['cycle']; st=inst(c['start']); en=inst(c['end']).timestamp()+86400; L=en-st.timestamp()
        if L<=0 or L>400*86400: continue
        for o in d['objectives']:
            for k in o['keyResults']:
                m=k['metric']; r=k.get('result')
                if not r or m['direction']!='increase': continue
                n+=1
                if r['finalValue']<m['target']: continue
                hits+=1
                x=None
                for ci in k.get('checkIns',[]):
                    if ci['value']>=m['target']:
                        x=(inst(ci['at']).timestamp()-st.timestamp())/L; break
                if x is None: x=1.0; atend+=1
                x=min(max(x,1e-3),1.0)
                xs.append(x)
    s=sum(math.log(x) for x in xs)
    k=-len(xs)/s if s<0 else float('inf')
    import statistics
    print(name, 'KRs',n,'hits',hits,'met only at end',atend,'MLE k',round(k,2),'median x',round(statistics.median(xs),3), 'share by x=0.5', round(sum(1 for x in xs if x<=0.5)/len(xs),3), 'by 0.9', round(sum(1 for x in xs if x<=0.9)/len(xs),3))
