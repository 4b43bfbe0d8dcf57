#!/usr/bin/env python3
"""Independent reference values for okr-forecast's tests, computed with numpy and scipy (not with our Java code).

Run: python3 okr-forecast/src/test/python/reference.py
Each block prints the numbers a Java test asserts, named as in the test.
"""
import numpy as np
from scipy import stats

def prep(x, y):
    # the baseline at the cycle start is an observation unless a check-in is at the start
    if len(x) == 0 or x[0] > 0:
        x = np.concatenate([[0.0], x]); y = np.concatenate([[0.0], y])
    return x, y

def bayes(x, y, om=1.0, tau=0.48, b0=0.052, a0=0.25, level=0.8, min_df=1.5):
    x, y = prep(np.asarray(x, float), np.asarray(y, float))
    dx = np.diff(x); dy = np.diff(y)
    T = dx.sum(); S = dy.sum(); n = len(dx)
    ss = (dy ** 2 / dx).sum() if n else 0.0
    resid = max(ss - (S * S / T if T > 0 else 0.0), 0.0)
    an = a0 + max(n - 1, 0) / 2
    s2 = (b0 + 0.5 * resid) / an
    prec = 1 / tau ** 2 + T / s2
    rate = (om / tau ** 2 + S / s2) / prec
    h = 1 - x[-1]
    mu = y[-1] + rate * h
    sc = np.sqrt(s2 * h + h * h / prec)
    df = max(2 * an, min_df)
    p = stats.t.sf((1 - mu) / sc, df)
    q = stats.t.ppf(0.5 + level / 2, df) * sc
    return dict(mean=mu, low=mu - q, high=mu + q, p=p, scale=sc, df=df)

def ols(x, y):
    x, y = prep(np.asarray(x, float), np.asarray(y, float))
    n = len(x)
    b, a = np.polyfit(x, y, 1)
    mu = a + b
    res = y - (a + b * x)
    s2 = (res ** 2).sum() / (n - 2)
    se = np.sqrt(s2 * (1 + 1 / n + (1 - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum()))
    q = stats.t.ppf(0.9, n - 2) * se
    return dict(mean=mu, low=mu - q, high=mu + q, p=stats.t.sf((1 - mu) / se, n - 2))

def rw(x, y):
    x, y = prep(np.asarray(x, float), np.asarray(y, float))
    dx = np.diff(x); dy = np.diff(y); n = len(dx)
    r = dy.sum() / dx.sum()
    mu = y[-1] + r * (1 - x[-1])
    s2 = ((dy - r * dx) ** 2 / dx).sum() / (n - 1)
    h = 1 - x[-1]
    sc = np.sqrt(s2 * (h + h * h / dx.sum()))
    q = stats.t.ppf(0.9, n - 1) * sc
    return dict(mean=mu, low=mu - q, high=mu + q, p=stats.t.sf((1 - mu) / sc, n - 1))

# The series of ForecasterTest: a 91-day cycle, check-ins on days 7, 14, 21, 35, 42 (progress units: value / 100,
# baseline 0, target 100), as-of day 45.
X = np.array([7, 14, 21, 35, 42]) / 91.0
Y = np.array([6.0, 13.0, 18.0, 30.0, 37.0]) / 100.0
for name, f in [("bayes", bayes), ("ols", ols), ("rw", rw)]:
    r = f(X, Y)
    print(name, {k: float("%.10g" % v) for k, v in r.items()})
print("bayes-no-data", {k: float("%.10g" % v) for k, v in bayes([], []).items()})
print("t-cdf df=2.5 z=1.3", stats.t.cdf(1.3, 2.5), "df=0.5 z=-7", stats.t.cdf(-7, 0.5), "df=40 z=0.2", stats.t.cdf(0.2, 40))

def snapshot(x, y, om=1.0, tau=0.48, b0=0.052, a0=0.25, level=0.8, min_df=1.5):
    # a line through the points (anchor included) with the slope's prior N(om, tau^2), noise inverse-gamma
    x, y = prep(np.asarray(x, float), np.asarray(y, float))
    m = len(x)
    mx, my = x.mean(), y.mean()
    cxx = ((x - mx) ** 2).sum(); cxy = ((x - mx) * (y - my)).sum(); cyy = ((y - my) ** 2).sum()
    rss = cyy - (cxy / cxx) * cxy
    an = a0 + max(m - 2, 0) / 2
    s2 = (b0 + 0.5 * rss) / an
    prec = 1 / tau ** 2 + cxx / s2
    slope = (om / tau ** 2 + cxy / s2) / prec
    mu = my + slope * (1 - mx)
    sc = np.sqrt(s2 * (1 + 1 / m) + (1 - mx) ** 2 / prec)
    df = max(2 * an, min_df)
    q = stats.t.ppf(0.5 + level / 2, df) * sc
    return dict(mean=mu, low=mu - q, high=mu + q, p=stats.t.sf((1 - mu) / sc, df))

# ForecasterTest.forecast_snapshotMetric: conversion from 8% to 12%, wandering (progress = (v - 8) / 4)
XS = np.array([7, 14, 21, 28, 35, 42]) / 91.0
YS = (np.array([8.5, 8.2, 9.0, 8.7, 9.4, 9.1]) - 8) / 4
print("snapshot", {k: float("%.10g" % v) for k, v in snapshot(XS, YS).items()})
