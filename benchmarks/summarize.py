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

    def fmt(x):
        return f"{x:,.0f}" if x >= 100 else f"{x:,.2f}"

    # Additive
    rows = [r for r in runs if r["_cls"] == "AdditiveBenchmark"]
    if rows:
        print("| kernel | digits | ops/s (± 99.9%) | digits/s | vs arraycopy |")
        print("|---|---:|---:|---:|---:|")
        for r in sorted(rows, key=lambda r: (int(r["_params"]["digits"]), r["_meth"])):
            d = int(r["_params"]["digits"])
            copy = by[("AdditiveBenchmark", "arraycopy", (("digits", str(d)),))]["_score"]
            print(f"| {r['_meth']} | {d:,} | {fmt(r['_score'])} ± {fmt(r['_err'])} | "
                  f"{r['_score'] * d / 1e9:.2f} e9 | {r['_score'] / copy:.3f} |")
        print()

    # Message pipeline
    rows = [r for r in runs if r["_cls"] == "MessageBenchmark"]
    if rows:
        aes = {m: by.get(("MessageBenchmark", m, ()), {}).get("_score") for m in
               ("aesGcmEncrypt", "aesGcmDecrypt")}
        print("| benchmark | raw score | messages/s | us/message | plaintext MB/s | vs AES-GCM |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in sorted(rows, key=lambda r: (r["_meth"], str(r["_params"]))):
            if r["_unit"] == "ops/s":
                mps = r["_score"]
                raw = f"{fmt(r['_score'])} ± {fmt(r['_err'])} ops/s"
            else:  # single shot: ms per batch
                batch = r["measurementBatchSize"]
                mps = batch / (r["_score"] / 1e3)
                raw = f"{fmt(r['_score'])} ± {fmt(r['_err'])} ms / {batch} msgs"
            ref = aes["aesGcmDecrypt"] if r["_meth"].startswith("decode") or \
                r["_meth"] == "aesGcmDecrypt" else aes["aesGcmEncrypt"]
            name = r["_meth"] + "".join(f" {k}={v}" for k, v in r["_params"].items())
            ratio = f"{mps / ref:.3f}" if ref else "-"
            print(f"| {name} | {raw} | {fmt(mps)} | {1e6 / mps:.1f} | "
                  f"{mps * PLAINTEXT_BYTES / 1e6:.1f} | {ratio} |")
        print()

    # Radiogram
    rows = [r for r in runs if r["_cls"] == "RadiogramBenchmark"]
    if rows:
        print("| benchmark | ops/s (± 99.9%) | MB/s |")
        print("|---|---:|---:|")
        for r in sorted(rows, key=lambda r: r["_meth"]):
            b = r.get("secondaryMetrics", {}).get("bytes", {}).get("score")
            print(f"| {r['_meth']} | {fmt(r['_score'])} ± {fmt(r['_err'])} | "
                  f"{b / 1e6:.1f} |" if b else "- |")
        print()

    # Codebook
    rows = [r for r in runs if r["_cls"] == "CodebookBenchmark"]
    if rows:
        print("| benchmark | ops/s (± 99.9%) | us/op |")
        print("|---|---:|---:|")
        for r in sorted(rows, key=lambda r: r["_meth"]):
            print(f"| {r['_meth']} | {fmt(r['_score'])} ± {fmt(r['_err'])} | "
                  f"{1e6 / r['_score']:.3f} |")
        print()

    # gc profile, if present
    rows = [r for r in runs if "gc.alloc.rate.norm" in r.get("secondaryMetrics", {})]
    if rows:
        print("| benchmark | allocated per op | per message |")
        print("|---|---:|---:|")
        for r in rows:
            norm = r["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
            per = norm / r["measurementBatchSize"] if r["_unit"] != "ops/s" else norm
            name = r["_cls"] + "." + r["_meth"] + "".join(f" {k}={v}" for k, v in r["_params"].items())
            print(f"| {name} | {norm:,.0f} B | {per / 1024:,.1f} KiB |")


if __name__ == "__main__":
    main(sys.argv[1])
