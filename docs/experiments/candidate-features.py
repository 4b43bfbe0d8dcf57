"""Screens candidate features for the movement-aware logistic stage across families: fits the stage's ten features
(docs/forecast-model.md; the trajectory probability from a plan-prior-bayes --per-forecast CSV) plus one candidate at
a time on one family's forecasts at 25/50/75%, and scores the other family's, bounded to [0.08, 0.95] as the method
bounds them. A feature that carries across families lowers the cross-family Brier. Numpy only (Newton's method,
L2 0.1). usage: python3 candidate-features.py FIT.jsonl FIT.csv SCORE.jsonl SCORE.csv, each CSV from
./okr backtest FILE.jsonl --method plan-prior-bayes --per-forecast FILE.csv"""
import json, csv, math, sys, datetime as dt
import numpy as np

def parse(t):
    return dt.datetime.fromisoformat(t.replace('Z','+00:00'))

def load(path):
    cyc={}
    for l in open(path):
        d=json.loads(l); c=d['cycle']
        s=dt.datetime.fromisoformat(c['start']+'T00:00:00+00:00'); e=dt.datetime.fromisoformat(c['end']+'T00:00:00+00:00')+dt.timedelta(days=1)
        for o in d['objectives']:
            for k in o['keyResults']:
                m=k['metric']; b=m.get('baseline',0); tg=m['target']
                pts=[(( parse(ci['at'])-s).total_seconds()/(e-s).total_seconds(), (ci['value']-b)/(tg-b)) for ci in k['checkIns']]
                cyc[c['id']]=(pts, (k['result']['finalValue']-b)/(tg-b), k)
    return cyc

def rows(path, csvp):
    cyc=load(path); X=[]; Y=[]; O=[]
    for r in csv.DictReader(open(csvp)):
        pts,fin,k=cyc[r['cycle']]; x=float(r['origin'])
        seen=[(t,y) for t,y in pts if t<x]
        p=min(max(float(r['probability']),1e-4),1-1e-4); z=math.log(p/(1-p))
        y=seen[-1][1] if seen else 0.0
        unmoved=1.0 if (not seen or y<=0) else 0.0
        ys=[0.0]+[v for _,v in seen]; ts=[0.0]+[t for t,_ in seen]
        incs=[(ts[i]-ts[i-1], ys[i]-ys[i-1]) for i in range(1,len(ys))]
        S=sum(dy for _,dy in incs); T=ts[-1]
        ssq=sum(dy*dy/dt_ for dt_,dy in incs if dt_>0)
        back=any(dy<0 for _,dy in incs)
        burst=0.0 if (unmoved or back or ssq<=0 or T<=0) else max(0,1-S*S/(T*ssq))
        # candidates
        # momentum: progress over last third of seen window vs expected
        recent=0.0
        if len(seen)>=2 and T>0:
            tcut=T*2/3; yc=np.interp(tcut, ts, ys); recent=(y-yc)/max(T-tcut,1e-9) - (y/max(T,1e-9))
        moves=sum(1 for _,dy in incs if dy>0)/max(1,len(incs))
        since=0.0
        lastmove=0.0
        for t_,dy in zip(ts[1:], [d for _,d in incs]):
            if dy>0: lastmove=t_
        since=(x-lastmove) if not unmoved else x
        gap=(y - x)  # progress minus time (linear plan)
        need=(1-y)/max(1-x,1e-3)
        pace=y/max(x,1e-3)
        lognr=math.log(max(pace,1e-3)/max(need,1e-3))
        base=[1,z,unmoved,unmoved*x,x,z*x,burst,burst*z,unmoved*z,unmoved*z*x]
        cand=[recent, moves, since, gap, lognr, lognr*x, len(seen)/13.0]
        X.append((base,cand)); Y.append(1 if r['hit']=='true' else 0); O.append(x)
    return X,np.array(Y),np.array(O)

def mat(X, which):
    return np.array([b+[c[i] for i in which] for b,c in X])

def fitlr(X,y,l2=0.1):
    w=np.zeros(X.shape[1])
    for _ in range(50):
        p=1/(1+np.exp(-X@w)); g=X.T@(p-y)+l2*w; H=(X*(p*(1-p))[:,None]).T@X+l2*np.eye(X.shape[1])
        step=np.linalg.solve(H,g); w-=step
        if np.max(np.abs(step))<1e-9: break
    return w

def brier(p,y): return float(np.mean((p-y)**2))

if __name__ == '__main__':
    A=rows(sys.argv[1],sys.argv[2]); B=rows(sys.argv[3],sys.argv[4])
    names=['recent','moves','since','gap','lognr','lognr*x','nseen']
    for label,which in [('base',[])]+[(n,[i]) for i,n in enumerate(names)]+[('all',list(range(7)))]:
        Xa=mat(A[0],which); Xb=mat(B[0],which)
        w=fitlr(Xa,A[1])
        pb=np.clip(1/(1+np.exp(-Xb@w)),0.08,0.95)
        m=B[2]==0.5
        print(f"{label:10s} cross Brier@50 {brier(pb[m],B[1][m]):.4f}  all {brier(pb,B[1]):.4f}")
