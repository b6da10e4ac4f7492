"""Measure chipfacts' speed as ratios against baselines timed in the same run.

    python benchmarks/bench.py              # everything (about two minutes)
    python benchmarks/bench.py --quick      # the built-in store only
    python benchmarks/bench.py --runs 25    # more rounds, steadier medians

Machines are noisy, so nothing here is an absolute time: every command is run
in interleaved rounds (a shuffled order each round) together with the baselines
`python -c pass` and `python -c "import typer, rapidfuzz.process"`, and each is
reported as the median of its rounds and as a ratio to the baselines' medians.
The targets are those of the project's performance issue; the last column says
whether each was met in this run.

It runs the installed `chipfacts` beside this interpreter, with a fresh cache
directory and with bytecode caching on (as for any installed package), after
one warm-up run of each command.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402  (the generator beside this script)

PYTHON = sys.executable
CHIPFACTS = str(Path(PYTHON).parent / "chipfacts")


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000


def base_env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHIPFACTS_", "_CHIPFACTS"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed packages have bytecode caches
    env.update({"CHIPFACTS_CACHE_DIR": str(cache), "COLUMNS": "100"})
    return env


def run_once(case: Case, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        case.argv, env={**env, **case.env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{case.name} failed ({result.returncode}): {result.stderr.decode()}")
    return elapsed


def interleave(cases: Sequence[Case], env: dict[str, str], runs: int) -> None:
    for case in cases:
        run_once(case, env)  # warm-up: bytecode and store caches
    for _ in range(runs):
        for case in random.sample(list(cases), len(cases)):
            case.times.append(run_once(case, env))


def peak_rss_mb(argv: list[str], env: dict[str, str]) -> float:
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PYTHON, "-c", probe, *argv], env=env, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024  # Linux reports KiB


def row(name: str, ms: float, ratios: str, target: str, met: bool | None) -> str:
    mark = "" if met is None else ("yes" if met else "**no**")
    return f"| {name} | {ms:,.1f} | {ratios} | {target} | {mark} |"


def small_store(env: dict[str, str], runs: int) -> list[str]:
    pass_case = Case("`python -c pass`", [PYTHON, "-c", "pass"])
    floor = Case(
        "`import typer, rapidfuzz.process`", [PYTHON, "-c", "import typer, rapidfuzz.process"]
    )
    color = {"FORCE_COLOR": "1"}
    complete = {
        "_CHIPFACTS_COMPLETE": "complete_bash",
        "COMP_WORDS": "chipfacts compare ma",
        "COMP_CWORD": "2",
    }
    cases = [
        pass_case,
        floor,
        Case("`search maia --json`", [CHIPFACTS, "search", "maia", "--json"]),
        Case(
            "`compare maia100 mi300x --json`", [CHIPFACTS, "compare", "maia100", "mi300x", "--json"]
        ),
        Case("`search maia --format table`", [CHIPFACTS, "search", "maia", "-f", "table"], color),
        Case(
            "`compare maia100 mi300x --format table`",
            [CHIPFACTS, "compare", "maia100", "mi300x", "-f", "table"],
            color,
        ),
        Case("completion of `compare ma<Tab>`", [CHIPFACTS], complete),
    ]
    interleave(cases, env, runs)
    base, top = pass_case.median_ms, floor.median_ms
    targets = {
        cases[2].name: (8, 1.15),
        cases[3].name: (8, 1.15),
        cases[4].name: (12, None),
        cases[5].name: (12, None),
        cases[6].name: (8, None),
    }
    lines = [
        f"Built-in store ({runs} interleaved rounds, medians):",
        "",
        "| command | median ms | ratio | target | met |",
        "|---|---:|---|---|---|",
        row(pass_case.name, base, "1.00× pass", "baseline", None),
        row(floor.name, top, f"{top / base:.2f}× pass", "baseline", None),
    ]
    for case in cases[2:]:
        times_pass, times_floor = targets[case.name]
        ratio_pass, ratio_floor = case.median_ms / base, case.median_ms / top
        ratio = f"{ratio_pass:.2f}× pass, {ratio_floor:.2f}× floor"
        target = f"≤ {times_pass}× pass" + (f", ≤ {times_floor}× floor" if times_floor else "")
        met = ratio_pass <= times_pass and (times_floor is None or ratio_floor <= times_floor)
        lines.append(row(case.name, case.median_ms, ratio, target, met))
    return lines


def large_store(env: dict[str, str], runs: int, facts: int, files: int, work: Path) -> list[str]:
    store = work / f"store-{facts}"
    store.mkdir()
    for name, text in generate(facts, files, seed=2024).items():
        (store / name).write_text(text, encoding="utf-8")
    size = sum(p.stat().st_size for p in store.iterdir()) / 1e6
    search = [CHIPFACTS, "--data", str(store), "search", "entity", "42", "--json"]
    uncached = [CHIPFACTS, "--data", str(store), "--no-cache", "search", "entity", "42", "--json"]

    reread = [run_once(Case("re-read", uncached), env) for _ in range(2)]
    first = run_once(Case("first", search), env)  # builds every cache entry
    pass_case = Case("`python -c pass`", [PYTHON, "-c", "pass"])
    warm = Case("`search entity 42 --json` (cached)", search)
    chinese = Case("`search 微软 配额 --json` (cached)", [*search[:4], "微软", "配额", "--json"])
    interleave([pass_case, warm, chinese], env, runs)
    edits = []
    victim = sorted(store.glob("*-facts.yaml"))[len(list(store.glob("*-facts.yaml"))) // 2]
    for n in range(3):
        with victim.open("a", encoding="utf-8") as out:
            out.write(f"# edit {n}\n")
        edits.append(run_once(Case("after edit", search), env))
    memory = peak_rss_mb(search, env)

    base, full = pass_case.median_ms, statistics.median(reread) * 1000
    edit_ms = statistics.median(edits) * 1000
    lines = [
        f"Synthetic store: {facts:,} facts in {files} files ({size:.0f} MB of YAML):",
        "",
        "| measurement | median ms | ratio | target | met |",
        "|---|---:|---|---|---|",
        row(pass_case.name, base, "1.00× pass", "baseline", None),
        row("re-reading the whole store (`--no-cache`)", full, "baseline", "baseline", None),
        row(
            "first run, building every cache entry",
            first * 1000,
            f"{first * 1000 / full:.0%} of re-read",
            "",
            None,
        ),
    ]
    for case in (warm, chinese):
        ratio = case.median_ms / base
        lines.append(
            row(case.name, case.median_ms, f"{ratio:.1f}× pass", "≤ 40× pass", ratio <= 40)
        )
    lines.append(
        row("first run after editing 1 of the files", edit_ms, f"{edit_ms / full:.1%} of re-read",
            "≤ 15% of re-read", edit_ms / full <= 0.15)
    )  # fmt: skip
    met = "yes" if memory <= 400 else "**no**"
    lines.append(f"| peak memory of the cached search | {memory:,.0f} MB | | ≤ 400 MB | {met} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="interleaved rounds (default 15)")
    parser.add_argument("--facts", type=int, default=100_000, help="size of the synthetic store")
    parser.add_argument("--files", type=int, default=100, help="files it is split into")
    parser.add_argument("--quick", action="store_true", help="skip the synthetic store")
    args = parser.parse_args()
    if not Path(CHIPFACTS).exists():
        raise SystemExit(f"no chipfacts beside {PYTHON}: install it first (pip install .)")
    random.seed(1)
    work = Path(tempfile.mkdtemp(prefix="chipfacts-bench-"))
    try:
        env = base_env(work / "cache")
        version = subprocess.run(
            [CHIPFACTS, "--version"], capture_output=True, text=True
        ).stdout.strip()
        typer = subprocess.run(
            [PYTHON, "-c", "import typer; print(typer.__version__)"], capture_output=True, text=True
        ).stdout.strip()
        print(f"{version}; typer {typer}; Python {platform.python_version()}; {platform.system()} "
              f"{platform.machine()}; {os.cpu_count()} CPUs\n")  # fmt: skip
        print("\n".join(small_store(env, args.runs)))
        if not args.quick:
            print()
            print("\n".join(large_store(env, max(5, args.runs // 2), args.facts, args.files, work)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
