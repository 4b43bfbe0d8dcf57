"""Screens the other methods' probabilities as features of the movement-aware logistic stage across families: the
stage's ten features (candidate-features.py's rows, on the plan-prior-bayes probability) plus the log-odds of
ols-trend, random-walk-drift or damped-trend, or linear-pace's 0/1, fitted on one family's forecasts at 25/50/75% and
scored on the other's, bounded to [0.08, 0.95] as candidate-features.py bounds them. A stack over several methods
would add resolution only if what it learns on one family holds on the other.
usage: python3 stacked-methods.py FIT.jsonl FIT.csv SCORE.jsonl SCORE.csv, each CSV from
./okr backtest FILE.jsonl --method all --per-forecast FILE.csv"""
import collections, csv, importlib.util, math, os, sys, tempfile
import numpy as np

spec = importlib.util.spec_from_file_location(
    "candidate_features", os.path.join(os.path.dirname(os.path.abspath(__file__)), "candidate-features.py"))
cf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cf)

METHODS = ["ols-trend", "random-walk-drift", "damped-trend", "linear-pace"]

def logit(p):
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))

def family(cycles, csv_path):
    """The ten features' rows (on the plan-prior probability) and each row's other methods' figures."""
    by_key = collections.defaultdict(dict)
    plan_prior = []
    with open(csv_path, newline="") as f:
        reader = csv.DictReader(f)
        for r in reader:
            by_key[(r["cycle"], r["keyResult"], r["origin"])][r["method"]] = float(r["probability"])
            if r["method"] == "plan-prior-bayes":
                plan_prior.append(r)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as tmp:
        w = csv.DictWriter(tmp, fieldnames=list(plan_prior[0].keys()))
        w.writeheader()
        w.writerows(plan_prior)
    try:
        X, y, origins = cf.rows(cycles, tmp.name)
    finally:
        os.unlink(tmp.name)
    other = []
    for r in plan_prior:
        m = by_key[(r["cycle"], r["keyResult"], r["origin"])]
        other.append([logit(m[k]) for k in METHODS[:3]] + [m["linear-pace"]])
    return X, y, origins, other

def design(X, other, which):
    return np.array([base + [o[i] for i in which] for (base, _), o in zip(X, other)])

if __name__ == "__main__":
    A = family(sys.argv[1], sys.argv[2])
    B = family(sys.argv[3], sys.argv[4])
    at50 = B[2] == 0.5
    for label, which in [("the ten", [])] + [("+ " + METHODS[i], [i]) for i in range(4)] + [("+ the three", [0, 1, 2])]:
        w = cf.fitlr(design(A[0], A[3], which), A[1])
        p = np.clip(1 / (1 + np.exp(-design(B[0], B[3], which) @ w)), 0.08, 0.95)
        print(f"{label:22s} cross-family Brier at 50% {cf.brier(p[at50], B[1][at50]):.4f}, all origins {cf.brier(p, B[1]):.4f}")
