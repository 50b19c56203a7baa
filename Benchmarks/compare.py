#!/usr/bin/env python3
"""Paired timing of two release builds of journal on one ten-year synthetic journal.

    python3 Benchmarks/compare.py OLD_BUILD NEW_BUILD [--rounds 15] [--years 10] [--only NAME ...]

OLD_BUILD and NEW_BUILD are `.build/release` folders (build the older commit in a worktree of its
own). Each round runs one build then the other, the order alternating, so that a busy machine
slows both alike: the ratio of the medians is what to read, not the milliseconds. The journal
is made by NEW_BUILD's `journal-generate`, else OLD_BUILD's.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time
from pathlib import Path

parser = argparse.ArgumentParser()
parser.add_argument("old", type=Path)
parser.add_argument("new", type=Path)
parser.add_argument("--rounds", type=int, default=15)
parser.add_argument("--years", type=int, default=10)
parser.add_argument("--only", nargs="*", default=[], help="command names to run (default: all)")
options = parser.parse_args()

base = Path(tempfile.mkdtemp(prefix="journal-compare-"))
env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "JOURNAL_"))}
env.update(HOME=str(base), GIT_CONFIG_NOSYSTEM="1", TZ="UTC", LC_ALL="C",
           GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.org")
repo = base / "journal"
subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], env=env, check=True)
generator_binary = next(build / "journal-generate" for build in (options.new, options.old) if (build / "journal-generate").exists())
generator = subprocess.Popen([generator_binary, "--years", str(options.years)], stdout=subprocess.PIPE)
subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, env=env, stdin=generator.stdout, check=True)
generator.wait()
subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo, env=env, check=True)
listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", "HEAD"], cwd=repo, env=env, capture_output=True, text=True)
days = sorted(path for path in listing.stdout.split() if path.endswith(".md"))
day, earlier = Path(days[-1]).stem, Path(days[-2]).stem
# Each build works on its own copy: builds whose history index formats differ would otherwise
# rebuild it for each other on every run. Each copy's index is built once, untimed.
journal_envs = {}
for build in (options.old, options.new):
    copy = base / ("journal-old" if build == options.old else "journal-new")
    shutil.copytree(repo, copy, symlinks=True)
    # The copy's files have new inodes and times: refresh the index, as a checkout would have it.
    subprocess.run(["git", "update-index", "-q", "--refresh"], cwd=copy, env=env)
    journal_envs[build] = dict(env, JOURNAL_DIR=str(copy), JOURNAL_TODAY=day)
    subprocess.run([build / "journal", "log", "-n", "1"], env=journal_envs[build], capture_output=True, check=True)


def timed(build, arguments):
    start = time.perf_counter()
    result = subprocess.run([build / "journal"] + arguments, env=journal_envs[build], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.exit(f"{build}/journal {' '.join(arguments)} failed: {result.stderr.decode()}")
    return (time.perf_counter() - start) * 1000


cases = [("add (one commit)", ["add", "Compared task"]), ("show DATE", ["show", day]), ("status", ["status"]),
         ("diff A B", ["diff", earlier, day]), ("log -n 20", ["log", "-n", "20"]), ("standup", ["standup"]),
         ("search WORD", ["search", "runbook"]), ("report --month", ["report", "--month"]), ("check", ["check"])]
print(f"{options.rounds} paired rounds after 2 warm-ups, {options.years}-year journal\n")
print("| command | old ms | new ms | new ÷ old |\n|---|---:|---:|---:|")
for name, arguments in cases:
    if options.only and name not in options.only:
        continue
    old, new = [], []
    for round in range(options.rounds + 2):
        order = [(options.old, old), (options.new, new)]
        for build, times in order if round % 2 == 0 else reversed(order):
            elapsed = timed(build, arguments)
            if round >= 2:
                times.append(elapsed)
    print(f"| {name} | {statistics.median(old):.2f} | {statistics.median(new):.2f} | "
          f"{statistics.median(new) / statistics.median(old):.2f} |", flush=True)
shutil.rmtree(base)
