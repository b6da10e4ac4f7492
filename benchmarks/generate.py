"""Generate a chipfacts store of any size, for benchmarks: synthetic or replicated.

    python benchmarks/generate.py --facts 100000 --files 100 --out /tmp/store100k
    python benchmarks/generate.py --replicate --facts 100000 --files 100 --out /tmp/real100k

Synthetic (the default): field sizes follow the real store: ids and names like
the curated ones, English summaries of 60-120 characters, Chinese quotes of
20-60 characters, about one entity per 20 facts and one source per 100. With
--files N > 1 the store is a directory: the vocabulary (sources, entities,
attributes) in one file and the facts spread over the other N - 1, as a team
splitting a store by topic would. The output is valid: `chipfacts validate`
passes (quotes are not checked, as there are no source texts).

--replicate makes a store of the real one (data/facts.yaml) copied until it
holds about --facts facts, each copy under new ids: every source, entity and
fact id gets ``-r<copy>``, every name and alias `` r<copy>`` ("Maia 100 r17",
"雅典娜 r17"); attributes are shared. A name key (``text.normalize.name_key``)
drops spaces and punctuation, so "Maia 100 #17" and "Maia 1001 #7" would
collide; after a letter, the copy's digits end the key and cannot. So about a
thousand entities share "maia", a thousand numbers are equal, and so on, as in a
large store that grew from many similar documents.
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


REAL_STORE = Path(__file__).resolve().parents[1] / "data" / "facts.yaml"


def replicate(facts: int, files: int, source: Path = REAL_STORE) -> dict[str, str]:
    """The real store copied under new ids until it holds about ``facts`` facts."""
    from chipfacts.store.safeyaml import parse_yaml, read_text

    data, _, problems = parse_yaml(read_text(source), str(source))
    assert not problems, problems
    copies = max(1, round(facts / len(data["facts"])))

    def line(record: dict[str, object]) -> str:
        return "  - " + json.dumps(record, ensure_ascii=False)

    vocab = ["sources:"]
    for n in range(copies):
        for s in data["sources"]:
            stem, dot, ext = s["file"].rpartition(".")
            vocab.append(line({**s, "id": f"{s['id']}-r{n}", "file": f"{stem}-r{n}{dot}{ext}"}))
    vocab.append("entities:")
    for n in range(copies):
        for e in data["entities"]:
            copy = {**e, "id": f"{e['id']}-r{n}", "name": f"{e['name']} r{n}",
                    "aliases": [f"{a} r{n}" for a in e.get("aliases", [])]}  # fmt: skip
            if e.get("maker"):
                copy["maker"] = f"{e['maker']}-r{n}"
            vocab.append(line(copy))
    vocab.append("attributes:")
    vocab += [line(a) for a in data["attributes"]]

    every = []
    for n in range(copies):
        for f in data["facts"]:
            copy = {**f, "id": f"{f['id']}-r{n}", "entity": f"{f['entity']}-r{n}",
                    "source": f"{f['source']}-r{n}"}  # fmt: skip
            if "related" in f:
                copy["related"] = [f"{r}-r{n}" for r in f["related"]]
            if f.get("claimed_by"):
                copy["claimed_by"] = f"{f['claimed_by']}-r{n}"
            if "references" in f:
                copy["references"] = [{**r, "source": f"{r['source']}-r{n}"}
                                      for r in f["references"]]  # fmt: skip
            every.append(line(copy))
    if files <= 1:
        return {"facts.yaml": "\n".join([*vocab, "facts:", *every]) + "\n"}
    out = {"000-vocabulary.yaml": "\n".join(vocab) + "\n"}
    chunks = files - 1
    for c in range(chunks):  # contiguous runs of copies, as a store split by topic
        part = every[c * len(every) // chunks : (c + 1) * len(every) // chunks]
        out[f"{c + 1:03d}-facts.yaml"] = "\n".join(["facts:", *part]) + "\n"
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
        "--replicate", action="store_true", help="copy the real store under new ids instead"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="a .yaml file, or a directory with --files > 1"
    )
    args = parser.parse_args()
    if args.replicate:
        files = replicate(args.facts, args.files)
    else:
        files = generate(args.facts, args.files, args.seed)
    if args.files <= 1:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(files["facts.yaml"], encoding="utf-8")
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (args.out / name).write_text(text, encoding="utf-8")
    size = sum(len(t.encode()) for t in files.values())
    print(f"wrote about {args.facts} facts in {len(files)} file(s), {size / 1e6:.1f} MB, "
          f"to {args.out}")  # fmt: skip


if __name__ == "__main__":
    main()
