"""Shares of JFR execution samples (used for the README's profile tables).
Usage: jfr print --events jdk.ExecutionSample --stack-depth 64 X.jfr > s.txt; python3 jfr_shares.py s.txt [exclude-setup]"""
import re, sys, collections
evs = open(sys.argv[1]).read().split('jdk.ExecutionSample')[1:]
setup = ('PadGenerator', 'Collector.report', 'EventLog.timeline', 'Scenario1949', 'PadBook.of', 'MessageGenerator')
rows = []
for e in evs:
    fr = re.findall(r'^\s+([\w.$<>]+)\(.*?line:', e, re.M)
    if len(sys.argv) > 2 and any(k in f for f in fr for k in setup):
        continue
    rows.append(fr)
n = len(rows)
print(f'{n} samples of {len(evs)}')
inc = collections.Counter(); self_ = collections.Counter()
for fr in rows:
    if fr: self_[fr[0]] += 1
    for f in set(fr): inc[f] += 1
print('-- inclusive (shifrovka, netty codec)')
for f, c in inc.most_common(300):
    if ('shifrovka' in f or 'codec' in f) and 'jmh' not in f:
        print(f'{100*c/n:5.1f}%  {f}')
print('-- self')
for f, c in self_.most_common(25):
    print(f'{100*c/n:5.1f}%  {f}')
