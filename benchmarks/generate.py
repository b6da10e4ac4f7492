"""Generate a synthetic chipfacts store of any size, for benchmarks.

    python benchmarks/generate.py --facts 100000 --files 100 --out /tmp/store100k

Field sizes follow the real store: ids and names like the curated ones, English
summaries of 60-120 characters, Chinese quotes of 20-60 characters, about one
entity per 20 facts and one source per 100. With --files N > 1 the store is a
directory: the vocabulary (sources, entities, attributes) in one file and the
facts spread over the other N - 1, as a team splitting a store by topic would.
The output is valid: `chipfacts validate` passes (quotes are not checked, as
there are no source texts).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

UNITS = ["transistors", "nm", "Hz", "cores", "USD", "gpus", "percent", "x", "chips", "rank"]
KINDS = ["chip", "nic", "company", "model", "cluster", "product", "project", "person"]
STATUSES = ["reported", "claimed", "estimated", "forecast", "planned"]
HANZI = (
    "微软英伟达晶体管数量达到亿个台积电制程工艺集群配额采购芯片"
    "服务器数据中心训练推理模型发布计划成本营收份额市场网络"
)
WORDS = (
    "chip cluster quota spend training inference model server network data centre market share"
).split()


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def generate(facts: int, files: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    n_entities = max(10, facts // 20)
    n_sources = max(5, facts // 100)
    attributes = [(f"attr_{i:03d}", UNITS[i % len(UNITS)] if i % 4 else None) for i in range(60)]

    vocab = ["sources:"]
    for i in range(n_sources):
        vocab.append(
            f"  - {{id: src-{i:05d}, file: doc-{i:05d}.txt, title: {q('合成来源' + str(i))}, "
            f'publisher: Synthetic Press, published: "2024-{1 + i % 12:02d}", language: zh-Hans}}'
        )
    vocab.append("entities:")
    for i in range(n_entities):
        chinese = "".join(rng.choice(HANZI) for _ in range(3)) + str(i)
        vocab.append(
            f"  - {{id: ent-{i:05d}, name: {q(f'Entity {i}')}, kind: {KINDS[i % len(KINDS)]}, "
            f"aliases: [{q(f'E-{i}')}, {q(chinese)}]}}"
        )
    vocab.append("attributes:")
    for ident, unit in attributes:
        typed = f"type: number, unit: {unit}" if unit else "type: text"
        vocab.append(
            f"  - {{id: {ident}, label: {q(ident.replace('_', ' ').title())}, {typed}, "
            f"description: A synthetic attribute., "
            f"synonyms: [{q(ident[-3:] + ' ' + rng.choice(WORDS))}]}}"
        )

    chunks: list[list[str]] = [[] for _ in range(max(1, files - 1))]
    for i in range(facts):
        ident, unit = attributes[i % len(attributes)]
        entity = rng.randrange(n_entities)
        if unit:
            bound = rng.choice(["exact", "about", "at_least"])
            value = f"value: {rng.randrange(1, 10**6)}, bound: {bound}, unit: {unit}"
        else:
            value = f"value: {q('Text value ' + str(i))}"
        quote = "".join(rng.choice(HANZI) for _ in range(rng.randint(20, 60)))
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
        summary = f"Entity {entity} {words} fact {i}."
        status = rng.choice(STATUSES)
        claimed = (
            f", claimed_by: ent-{rng.randrange(n_entities):05d}" if status == "claimed" else ""
        )
        chunks[i % len(chunks)].append(
            f"  - {{id: fact-{i:06d}, entity: ent-{entity:05d}, attribute: {ident}, {value}, "
            f'status: {status}{claimed}, as_of: "2024-{1 + i % 12:02d}", '
            f"source: src-{i % n_sources:05d}, quote: {q(quote)}, summary: {q(summary)}, "
            f"related: [ent-{rng.randrange(n_entities):05d}]}}"
        )
    if files <= 1:
        return {"facts.yaml": "\n".join([*vocab, "facts:", *chunks[0]]) + "\n"}
    out = {"000-vocabulary.yaml": "\n".join(vocab) + "\n"}
    for n, chunk in enumerate(chunks, 1):
        out[f"{n:03d}-facts.yaml"] = "\n".join(["facts:", *chunk]) + "\n"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--facts", type=int, default=10_000)
    parser.add_argument(
        "--files", type=int, default=1, help="1 for a single file, N for a directory"
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--out", type=Path, required=True, help="a .yaml file, or a directory with --files > 1"
    )
    args = parser.parse_args()
    files = generate(args.facts, args.files, args.seed)
    if args.files <= 1:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(files["facts.yaml"], encoding="utf-8")
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (args.out / name).write_text(text, encoding="utf-8")
    size = sum(len(t.encode()) for t in files.values())
    print(f"wrote {args.facts} facts in {len(files)} file(s), {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
