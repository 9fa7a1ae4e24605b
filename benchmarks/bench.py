"""Benchmark: publish corpora of N articles and compare with the sentence segmenter alone.

    python benchmarks/bench.py [--sizes 100 1000] [--workers N] [--shared ../shared]

Builds each corpus from the seed and the development articles (each copy with its own title, so
ids differ), then in one run measures: a cold publish (wall, CPU, peak memory of the whole
process tree) and pysbd alone over the same paragraphs on one core (the floor), three times in
turn (the pair with the median ratio is reported, the peak memory of all three), a publish with
nothing changed, a rebuild after editing one article (the median of three, each after editing
another, with the time each of its stages took as `publish -v` reports them), and
frictionless's validation against the pipeline's own checks. Prints a Markdown table; figures
are from this run only.
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.read import read_article  # noqa: E402
from pipeline.segment import _SEGMENTER  # noqa: E402

# Reading a process's proportional set size takes milliseconds; sampling more often would take
# a noticeable share of a 2-core machine from the pipeline being measured.
SAMPLE_SECONDS = 0.2
# Rebuilds after editing one article, each a different one: the median is reported (one
# rebuild's time varies by a few tenths of a second on a shared machine).
EDITS = 3
# Cold publishes, each followed by the floor measured over the same corpus: a pair's ratio is
# measured minutes apart at most, and the pair with the median ratio is reported (on this
# shared machine the speed of both drifts by a tenth over minutes).
COLD_PAIRS = 3
# The commands run as Python runs by default, keeping the modules' compiled bytecode between runs
# (__pycache__): an environment that turns that off (PYTHONDONTWRITEBYTECODE, as some sandboxes
# and containers do) made every run compile the pipeline's modules again, a tenth of a second.
AS_USERS_RUN = {name: value for name, value in os.environ.items()
                if name != "PYTHONDONTWRITEBYTECODE"}
TITLE = re.compile(r"^= (?P<title>.+?) =", re.MULTILINE)
STAGE = re.compile(r"^(?P<stage>[a-z][^:\n]*): (?P<seconds>[0-9.]+) s$", re.MULTILINE)  # publish -v


def sources(shared: Path) -> list[str]:
    paths = [REPO / "seeds" / "kachin-independence-organisation.txt"]
    paths += sorted((shared / "articles").glob("*.txt")) if shared.is_dir() else []
    return [p.read_text(encoding="utf-8") for p in paths]


def make_corpus(folder: Path, texts: list[str], size: int) -> int:
    """`size` articles, each a copy of a source with a numbered title; returns total bytes."""
    folder.mkdir(parents=True)
    total = 0
    for number in range(size):
        text = TITLE.sub(lambda m, n=number: f"= {m['title']} {n:05d} =",
                         texts[number % len(texts)], count=1)
        path = folder / f"article-{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def tree_memory(root: int) -> int:
    """Memory of a process and all its descendants, in bytes: the sum of their proportional
    set sizes (Linux /proc), so that pages a forked worker shares with its parent count once,
    not once per process as a sum of resident sizes would."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += proportional_size(pid)
        stack.extend(children.get(pid, []))
    return total


def proportional_size(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    kilobytes = next((line.split()[1] for line in lines if line.startswith("Pss:")), "0")
    return int(kilobytes) * 1024


def run(command: list[str]) -> dict:
    """Run a command; wall time, CPU time of it and its descendants, peak tree memory (PSS).
    The disk is synced first, so that the writes of the run before (a full build writes over
    half a gigabyte) are not flushed during this one."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=AS_USERS_RUN)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_memory(process.pid))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak": peak, "stdout": out.decode(),
            "stderr": err.decode()}


def publish_command(corpus: Path, out: Path, workers: int, cache: Path | None,
                    *options: str) -> list[str]:
    command = [sys.executable, "-m", "pipeline", "publish", *options, "--seeds", str(corpus),
               "--out", str(out), "--workers", str(workers)]
    return command + (["--cache", str(cache)] if cache else ["--no-cache"])


def segmenter_floor(corpus: Path) -> float:
    """Seconds pysbd alone takes over every paragraph of the corpus, on one core."""
    paragraphs = []
    for path in sorted(corpus.glob("*.txt")):
        document = read_article(path, path.name)
        paragraphs += [document.text[b.char_start:b.char_end] for s in document.sections
                       for b in s.blocks if b.kind == "paragraph"]
    start = time.process_time()
    for paragraph in paragraphs:
        _SEGMENTER.segment(paragraph)
    return time.process_time() - start


def validation_split(package: Path) -> tuple[float, float]:
    """Seconds for frictionless alone and for the pipeline's own checks, both on one core."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "import pipeline.validate as v\n"
        "folder = Path(sys.argv[1])\n"
        "start = time.perf_counter()\n"
        "names = [r['name'] for r in __import__('json').load(open(folder / 'datapackage.json'))"
        "['resources']]\n"
        "assert not v.frictionless_problems(folder, names, None)\n"
        "middle = time.perf_counter()\n"
        "assert not v.validate_package(folder, frictionless=False)\n"
        "print(middle - start, time.perf_counter() - middle)\n"
    )
    result = run([sys.executable, "-c", code, str(package)])
    frictionless_seconds, own_seconds = map(float, result["stdout"].split())
    return frictionless_seconds, own_seconds


def measure(size: int, texts: list[str], workers: int, scratch: Path) -> dict:
    corpus = scratch / f"corpus-{size}"
    total_bytes = make_corpus(corpus, texts, size)
    pairs = []
    for _ in range(COLD_PAIRS):
        cold = run(publish_command(corpus, scratch / f"package-{size}", workers, None))
        pairs.append((cold, segmenter_floor(corpus)))
    cold, floor = sorted(pairs, key=lambda pair: pair[1] / pair[0]["wall"])[len(pairs) // 2]
    cold = cold | {"peak": max(other["peak"] for other, _ in pairs)}
    cache = scratch / f"cache-{size}"
    warm_out = scratch / f"warm-{size}"
    run(publish_command(corpus, warm_out, workers, cache))
    unchanged = run(publish_command(corpus, warm_out, workers, cache))
    edits, stages = [], {}
    for edited in sorted(corpus.glob("*.txt"))[size // 2:][:EDITS]:
        edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                          encoding="utf-8")
        rebuild = run(publish_command(corpus, warm_out, workers, cache, "-v"))
        edits.append(rebuild["wall"])
        timed = {found["stage"]: float(found["seconds"])
                 for found in STAGE.finditer(rebuild["stderr"])}
        timed["the rest (start-up, exit)"] = rebuild["wall"] - sum(timed.values())
        for stage, seconds in timed.items():
            stages.setdefault(stage, []).append(seconds)
    one_edit = statistics.median(edits)
    frictionless_seconds, own_seconds = validation_split(scratch / f"package-{size}")
    return {"size": size, "kb": total_bytes / 1024, "cold": cold, "floor": floor,
            "pairs": pairs, "unchanged": unchanged["wall"], "one_edit": one_edit, "edits": edits,
            "stages": {stage: statistics.median(times) for stage, times in stages.items()},
            "frictionless": frictionless_seconds, "own": own_seconds}


def report(results: list[dict], workers: int) -> str:
    python = sys.version.split()[0]
    lines = [f"Machine: {os.cpu_count()} cores; workers: {workers}; Python {python}",
             "",
             "| N | wall s | CPU s | peak MB (PSS) | articles/s | KB/s | segmenter alone s | "
             "pipeline/segmenter throughput | unchanged s | one edit s | frictionless s | "
             "own checks s | own/frictionless |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        cold = r["cold"]
        lines.append(
            f"| {r['size']} | {cold['wall']:.1f} | {cold['cpu']:.1f} | {cold['peak'] / 2**20:.0f} "
            f"| {r['size'] / cold['wall']:.1f} | {r['kb'] / cold['wall']:.0f} | {r['floor']:.1f} "
            f"| {r['floor'] / cold['wall']:.2f} | {r['unchanged']:.2f} | {r['one_edit']:.1f} "
            f"| {r['frictionless']:.1f} | {r['own']:.1f} | {r['own'] / r['frictionless']:.2f} |")
    # The one-edit time follows the machine's speed as the floor does: their ratio compares
    # runs on machines (or hours) of different speed.
    lines += [""] + [f"N={r['size']}: one edit, each rebuild: "
                     + ", ".join(f"{wall:.2f} s" for wall in r["edits"])
                     + f" (the median {r['one_edit'] / r['floor']:.2f} times the segmenter's "
                       f"{r['floor']:.1f} s)" for r in results]
    lines += [""] + [f"N={r['size']}: one edit, each stage (median): "
                     + ", ".join(f"{stage} {seconds:.2f} s"
                                 for stage, seconds in r["stages"].items()) for r in results]
    lines += [""] + [f"N={r['size']}: cold publish / segmenter alone, each pair: "
                     + ", ".join(f"{c['wall']:.1f} s / {floor:.1f} s ({floor / c['wall']:.2f})"
                                 for c, floor in r["pairs"]) for r in results]
    if len(results) >= 2:
        small, large = results[0], results[-1]
        lines += ["", f"t({large['size']})/t({small['size']}) = "
                      f"{large['cold']['wall'] / small['cold']['wall']:.1f}"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    texts = sources(args.shared)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        for size in args.sizes:
            results.append(measure(size, texts, args.workers, Path(scratch)))
            print(report(results, args.workers), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
