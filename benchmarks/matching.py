"""Recall and speed of the partner recommendations (issue 4) on synthetic fairs.

    PYTHONPATH=src python benchmarks/matching.py recall [--backend e5|lexical] [--prefix …]
        [--prior-texts 50] [--organisations 1000] [--generator plain|hard]
    PYTHONPATH=src python benchmarks/matching.py speed [--organisations 20000]

recall: recall@10 of planted partners (both directions of every pair: is B in A's top 10 and
A in B's), overall and for cross-language pairs, on fixed seeds. ``--prior-texts`` sets the
weight of the shipped reference means in the language centring (debias.py); a huge value
(1e9) centres on the reference alone, which measures the reference independently of the fair.
speed: one recommend() run on a 20,000-profile fair with embeddings already cached (a warm-up
run fills the cache), plus the embedding throughput on texts not seen before and the peak
resident memory of the process.
Generated fairs are synthetic demo data.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import uuid

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.debias import PRIOR_TEXTS
from amity.engine.matching.embedding import E5Backend, LexicalBackend
from amity.engine.matching.generator import GeneratedFair, generate_fair
from amity.engine.matching.hard_generator import generate_hard_fair

SEEDS = (1, 2, 3)


def recall_at_k(fair: GeneratedFair, lists: dict[str, list[str]], k: int = 10) -> dict[str, float]:
    """Share of planted participants whose partner is in their first k: all, across and
    within languages, same side (two visitors or two home firms) and by pair mode; with the
    hard generator also ``precision``, the share of their k suggestions that are relevant."""
    hits: dict[str, list[bool]] = {"all": [], "cross": [], "same": []}
    for pair in fair.planted:
        for me, partner in ((pair.a, pair.b), (pair.b, pair.a)):
            found = partner in lists[me][:k]
            hits["all"].append(found)
            hits["cross" if pair.cross_language else "same"].append(found)
            if pair.same_side:
                hits.setdefault("same_side", []).append(found)
            hits.setdefault(f"mode {pair.mode}", []).append(found)
            if fair.needs is not None:
                shown = lists[me][:k]
                relevant = [_relevant(fair.needs, me, other) for other in shown]
                hits.setdefault("precision", []).extend(relevant)
    return {key: sum(v) / len(v) for key, v in hits.items() if v}


def _relevant(needs: dict, me: str, other: str) -> bool:
    """other offers a need I seek, or seeks a need I offer (the truth, by need keys)."""
    mine = needs.get(me, {"offers": set(), "seeks": set()})
    theirs = needs.get(other, {"offers": set(), "seeks": set()})
    return bool(mine["seeks"] & theirs["offers"] or mine["offers"] & theirs["seeks"])


def make_fair(generator: str, organisations: int, seed: int) -> GeneratedFair:
    """The plain generator (1 pair per 5 profiles) or the hard one (1 per 4, as issue 13)."""
    if generator == "hard":
        return generate_hard_fair(organisations=organisations, pairs=organisations // 4, seed=seed)
    return generate_fair(organisations=organisations, pairs=organisations // 5, seed=seed)


def run_recall(
    backend_name: str,
    prefix: str,
    cache_dir: str,
    prior_texts: float,
    organisations: int,
    generator: str = "plain",
) -> None:
    if backend_name == "e5":
        backend = E5Backend(
            cache_dir=cache_dir,
            seek_prefix="query",
            offer_prefix=prefix,
            prior_texts=prior_texts,
        )
    else:
        backend = LexicalBackend()
    totals: dict[str, list[float]] = {}
    for seed in SEEDS:
        fair = make_fair(generator, organisations, seed)
        profiles = parse_profiles(fair.profiles)
        started = time.perf_counter()
        result = recommend(profiles, RecommendOptions(), backend=backend)
        seconds = time.perf_counter() - started
        lists = {k: [r.id for r in v] for k, v in result.recommendations.items()}
        before = recall_at_k(fair, _uncapped(profiles, backend))
        scores = recall_at_k(fair, lists)
        for key, value in scores.items():
            totals.setdefault(key, []).append(value)
        print(
            f"seed {seed}: recall@10 {_figures(scores)} (without exposure cap: all "
            f"{before['all']:.3f}, cross {before['cross']:.3f}); exposure max "
            f"{result.exposure.before_cap} -> {result.exposure.max_lists_per_participant}; "
            f"{seconds:.1f} s"
        )
    mean = {k: sum(v) / len(v) for k, v in totals.items()}
    label = (
        f"{backend.name} (offer prefix {prefix}, prior texts {prior_texts:g})"
        if backend_name == "e5"
        else backend.name
    )
    print(
        f"{label} mean over seeds {SEEDS}, {generator} generator, {organisations} profiles: "
        f"{_figures(mean)}"
    )


def _figures(scores: dict[str, float]) -> str:
    names = {"cross": "cross-language", "same": "same-language", "same_side": "same-side"}
    return " ".join(f"{names.get(k, k)} {v:.3f}" for k, v in scores.items())


def _uncapped(profiles, backend) -> dict[str, list[str]]:
    result = recommend(profiles, RecommendOptions(cap_factor=1e9), backend=backend)
    return {k: [r.id for r in v] for k, v in result.recommendations.items()}


def run_speed(organisations: int, cache_dir: str) -> None:
    fair = generate_fair(organisations=organisations, pairs=organisations // 10, seed=7)
    profiles = parse_profiles(fair.profiles)
    backend = E5Backend(cache_dir=cache_dir)
    options = RecommendOptions(cache_dir=cache_dir)
    started = time.perf_counter()
    recommend(profiles, options, backend=backend, progress=lambda m: print(m, file=sys.stderr))
    warm = time.perf_counter() - started
    print(f"warm-up (embeds texts not yet cached: {backend.embedded_count}): {warm:.1f} s")
    started, cpu = time.perf_counter(), time.process_time()
    result = recommend(profiles, options, backend=backend)
    cached, cpu = time.perf_counter() - started, time.process_time() - cpu
    texts = sum(len(o.offers) + len(o.seeks) for o in profiles.organisations)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{organisations} profiles, {texts} texts: top-10 for everyone in {cached:.2f} s wall "
        f"({cpu:.2f} s CPU, all threads) with cached embeddings; "
        f"load {os.getloadavg()[0]:.1f}; exposure max {result.exposure.before_cap} -> "
        f"{result.exposure.max_lists_per_participant}; peak RSS {peak_mb:.0f} MB"
    )
    # Throughput on texts the cache has never seen (unique suffix), batch of 256.
    fresh = [
        f"{o.seeks[0] if o.seeks else o.offers[0]} #{uuid.uuid4().hex[:6]}"
        for o in profiles.organisations[:256]
    ]
    probe = E5Backend(cache_dir=None)
    started = time.perf_counter()
    probe.embed(fresh, "seek")
    rate = len(fresh) / (time.perf_counter() - started)
    print(f"embedding throughput: {rate:.0f} texts/s (256 fresh texts, multilingual-e5-small q4)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("recall", "speed"))
    parser.add_argument("--backend", choices=("e5", "lexical"), default="e5")
    parser.add_argument(
        "--prefix",
        choices=("query", "passage"),
        default="query",
        help="e5 prefix for offers (requests always use 'query')",
    )
    parser.add_argument(
        "--organisations", type=int, help="fair size (default 1,000 for recall, 20,000 speed)"
    )
    parser.add_argument("--prior-texts", type=float, default=PRIOR_TEXTS)
    parser.add_argument(
        "--generator",
        choices=("plain", "hard"),
        default="plain",
        help="synthetic fairs: generator.py, or hard_generator.py (issue 13; 1,200 profiles)",
    )
    parser.add_argument("--cache-dir", default="var/embeddings")
    args = parser.parse_args(argv)
    if args.mode == "recall":
        size = args.organisations or (1200 if args.generator == "hard" else 1000)
        run_recall(
            args.backend, args.prefix, args.cache_dir, args.prior_texts, size, args.generator
        )
    else:
        run_speed(args.organisations or 20000, args.cache_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
