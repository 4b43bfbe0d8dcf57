"""Company-like variants of the shared cycles, seeded: check-ins every 1-4 weeks (irregular), values that move in
steps (held between 'releases'), outcomes from the last check-in, and owners' confidence on some check-ins."""
import json, random, sys, datetime as dt
def parse(t): return dt.datetime.fromisoformat(t.replace('Z','+00:00'))
def fmt(d): return d.strftime('%Y-%m-%dT%H:%M:%SZ')
def variant(doc, rng, kind):
    d=json.loads(json.dumps(doc))
    kr=d['objectives'][0]['keyResults'][0]
    cis=kr['checkIns']
    if len(cis)<2: return None
    start=dt.datetime.fromisoformat(d['cycle']['start']+'T00:00:00+00:00')
    end=dt.datetime.fromisoformat(d['cycle']['end']+'T00:00:00+00:00')+dt.timedelta(days=1)
    length=(end-start).days
    if kind in ('sparse','both'):
        # keep the first, then one every 1-4 weeks (scaled to the cycle: a fraction 1/13 to 4/13 of it)
        keep=[cis[0]]; t=parse(cis[0]['at'])
        for c in cis[1:]:
            gap=rng.choice([1,2,2,3,4])*length/13.0
            if (parse(c['at'])-t).total_seconds()/86400 >= gap-0.5:
                keep.append(c); t=parse(c['at'])
        cis=keep
    if kind in ('steps','both'):
        # values held between releases: the value only updates at every 2nd or 3rd check-in (bulk closes)
        k=rng.choice([2,3]); held=None; out=[]
        for i,c in enumerate(cis):
            if held is None or i%k==0: held=c['value']
            out.append({**c,'value':held})
        cis=out
    if rng.random()<0.5:
        # owners' confidence: high while the pace holds, lower when behind, noisy
        m=kr['metric']; b=m.get('baseline',0); tg=m['target']
        for c in cis:
            frac=(parse(c['at'])-start).total_seconds()/86400/length
            prog=(c['value']-b)/(tg-b) if tg!=b else 0
            conf=0.5+0.8*(prog-frac)+rng.gauss(0,0.15)
            c['confidence']=round(min(1,max(0,conf)),1)
    kr['checkIns']=cis
    # outcome from the last check-in
    kr['result']={'finalValue': cis[-1]['value']}
    d['cycle']['id']=d['cycle']['id']+'-'+kind
    return d
fam, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng=random.Random(seed)
with open(out,'w') as w:
    for line in open(fam):
        doc=json.loads(line)
        for kind in ('both',):
            v=variant(doc, rng, kind)
            if v: w.write(json.dumps(v)+'\n')
