#!/usr/bin/env python3
"""Turns a JMH JSON result file of this module into the README's tables, with the derived figures:
digits/s and the ratio to System.arraycopy for AdditiveBenchmark, messages/s, plaintext MB/s and
the ratio to AES-GCM for MessageBenchmark, MB/s for RadiogramBenchmark.

Usage: python3 benchmarks/summarize.py benchmarks/results/full-run.json
"""
import json
import sys

PLAINTEXT_BYTES = 5039  # the 1949 message, UTF-8 (all ASCII)


def main(path):
    runs = json.load(open(path))
    by = {}
    for r in runs:
        name = r["benchmark"].rsplit(".", 2)
        cls, meth = name[-2], name[-1]
        params = r.get("params") or {}
        pm = r["primaryMetric"]
        by[(cls, meth, tuple(sorted(params.items())))] = r
        r["_cls"], r["_meth"], r["_params"] = cls, meth, params
        r["_score"], r["_err"], r["_unit"] = pm["score"], pm["scoreError"], pm["scoreUnit"]
        raw = [x for fork in pm["rawData"] for x in fork]
        # the best iteration: the one least disturbed by other work on a shared machine
        r["_best"] = min(raw) if pm["scoreUnit"].endswith("/op") else max(raw)

    def fmt(x):
        return f"{x:,.0f}" if x >= 100 else f"{x:,.2f}"

    # Additive
    rows = [r for r in runs if r["_cls"] == "AdditiveBenchmark"]
    if rows:
        print("| kernel | digits | ops/s (± 99.9%) | digits/s | vs arraycopy | best iteration: digits/s | vs arraycopy |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in sorted(rows, key=lambda r: (int(r["_params"]["digits"]), r["_meth"])):
            d = int(r["_params"]["digits"])
            cp = by[("AdditiveBenchmark", "arraycopy", (("digits", str(d)),))]
            print(f"| {r['_meth']} | {d:,} | {fmt(r['_score'])} ± {fmt(r['_err'])} | "
                  f"{r['_score'] * d / 1e9:.2f} e9 | {r['_score'] / cp['_score']:.3f} | "
                  f"{r['_best'] * d / 1e9:.2f} e9 | {r['_best'] / cp['_best']:.3f} |")
        print()

    # Message pipeline
    rows = [r for r in runs if r["_cls"] == "MessageBenchmark"]
    if rows:
        aes = {m: by.get(("MessageBenchmark", m, ()), {}).get("_score") for m in
               ("aesGcmEncrypt", "aesGcmDecrypt")}
        best = {m: by.get(("MessageBenchmark", m, ()), {}).get("_best") for m in
                ("aesGcmEncrypt", "aesGcmDecrypt")}
        print("| benchmark | raw score | messages/s | us/message | plaintext MB/s | vs AES-GCM "
              "| best iteration: messages/s | plaintext MB/s | vs AES-GCM |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in sorted(rows, key=lambda r: (r["_meth"], str(r["_params"]))):
            if r["_unit"] == "ops/s":
                mps, bmps = r["_score"], r["_best"]
                raw = f"{fmt(r['_score'])} ± {fmt(r['_err'])} ops/s"
            else:  # single shot: ms per batch
                batch = r["measurementBatchSize"]
                mps, bmps = batch / (r["_score"] / 1e3), batch / (r["_best"] / 1e3)
                raw = f"{fmt(r['_score'])} ± {fmt(r['_err'])} ms / {batch} msgs"
            dec = r["_meth"].startswith("decode") or r["_meth"] == "aesGcmDecrypt"
            ref = aes["aesGcmDecrypt" if dec else "aesGcmEncrypt"]
            bref = best["aesGcmDecrypt" if dec else "aesGcmEncrypt"]
            name = r["_meth"] + "".join(f" {k}={v}" for k, v in r["_params"].items())
            ratio = f"{mps / ref:.3f}" if ref else "-"
            print(f"| {name} | {raw} | {fmt(mps)} | {1e6 / mps:.1f} | "
                  f"{mps * PLAINTEXT_BYTES / 1e6:.1f} | {ratio} | {fmt(bmps)} | "
                  f"{bmps * PLAINTEXT_BYTES / 1e6:.1f} | "
                  f"{bmps / bref if bref else float('nan'):.3f} |")
        print()

    # Radiogram
    rows = [r for r in runs if r["_cls"] == "RadiogramBenchmark"]
    if rows:
        print("| benchmark | ops/s (± 99.9%) | MB/s | best iteration: MB/s |")
        print("|---|---:|---:|---:|")
        for r in sorted(rows, key=lambda r: r["_meth"]):
            b = r["secondaryMetrics"]["bytes"]
            braw = max(x for fork in b["rawData"] for x in fork)
            print(f"| {r['_meth']} | {fmt(r['_score'])} ± {fmt(r['_err'])} | "
                  f"{b['score'] / 1e6:.1f} | {braw / 1e6:.1f} |")
        print()

    # Codebook and any other class measured in ops/s
    known = ("AdditiveBenchmark", "MessageBenchmark", "RadiogramBenchmark")
    rows = [r for r in runs if r["_cls"] not in known and r["_unit"] == "ops/s"]
    if rows:
        print("| benchmark | ops/s (± 99.9%) | us/op | best iteration: us/op |")
        print("|---|---:|---:|---:|")
        for r in sorted(rows, key=lambda r: r["_meth"]):
            print(f"| {r['_cls']}.{r['_meth']} | {fmt(r['_score'])} ± {fmt(r['_err'])} | "
                  f"{1e6 / r['_score']:.3f} | {1e6 / r['_best']:.3f} |")
        print()

    # gc profile, if present
    rows = [r for r in runs if "gc.alloc.rate.norm" in r.get("secondaryMetrics", {})]
    if rows:
        print("| benchmark | allocated per op (encode: per batch) | per call (encode: per message) |")
        print("|---|---:|---:|")
        for r in rows:
            norm = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
            per = norm / r["measurementBatchSize"] if r["_unit"] != "ops/s" else norm
            name = r["_cls"] + "." + r["_meth"] + "".join(f" {k}={v}" for k, v in r["_params"].items())
            print(f"| {name} | {norm:,.0f} B | {per / 1024:,.1f} KiB |")


if __name__ == "__main__":
    main(sys.argv[1])
