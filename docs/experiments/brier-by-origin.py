import json,sys,subprocess
def run(f, model=None):
    # forecast at the end, as the figures of company-like-variants.md were measured (before 2026-12-06 the only way;
    # the variants' results are last check-ins, which okr backtest now detects)
    cmd=['./okr','backtest',f,'--method','all','--results-at','end','--format','json','--rejects','rejects.txt']
    if model: cmd+=['--model',model]
    d=json.loads(subprocess.run(cmd,capture_output=True,text=True).stdout)
    out={}
    for s in d['scores']:
        hits=sum(b['count']*b['hitRate'] for b in s['reliability'] if b['count'])
        h=hits/s['n']
        out.setdefault(s['method'],{})[s['origin']]=s['brier']
        out.setdefault('base-rate(in-sample)',{})[s['origin']]=h*(1-h)
    return out
f=sys.argv[1]; model=sys.argv[2] if len(sys.argv)>2 else None
o=run(f,model)
for m,v in o.items():
    print('%-22s'%m, ' '.join('%.2f:%.3f'%(k,x) for k,x in sorted(v.items())))
