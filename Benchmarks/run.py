#!/usr/bin/env python3
"""Times `journal` against the `git` command line doing the nearest job, on synthetic journals.

    python3 Benchmarks/run.py [--years 1 3 10] [--runs 15] [--out Benchmarks/results]

Builds in release mode, generates each journal with `journal-generate | git fast-import`, then
times whole processes: the median wall time of --runs runs after two warm-ups, and the peak
resident memory (getrusage of the child). Every row pairs journal with git on the same
repository in the same run, and counts the flushes each makes (`strace -c`: fsync, fdatasync,
syncfs). The start-up rows set a Swift process that does nothing (journal-hello), one that only
initialises libgit2 (journal-startup-floor, also with the certificate bundle hidden when a private
mount namespace can be made) and `journal --version` side by side. On the largest journal,
Taskwarrior (Debian's `taskwarrior`, when installed) is timed with the same tasks. The goals of
issue 21 are checked against the figures of this run. Writes the tables as Markdown and JSON into
--out and prints them.
"""
import argparse
import json
import os
import platform
import re
import socket
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import taskwarrior

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release"


def environment(home):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "JOURNAL_"))}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", TZ="UTC", LC_ALL="C")
    return env


def timed(command, cwd, env):
    """Wall seconds and peak RSS in MiB of one run of `command`; fails loudly if it fails."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    errors = child.stderr.read().decode()
    child.stderr.close()
    if status != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(map(str, command))}\n{errors}")
    return elapsed, usage.ru_maxrss / 1024


def measure(command, cwd, env, runs, prepare=None):
    """Median wall time (ms) and the largest peak memory (MiB) over `runs` runs after two warm-ups.
    `command` is a list, or a function of the run's number giving one (to act on a new task or
    day each time)."""
    times, peaks = [], []
    for index in range(runs + 2):
        if prepare:
            prepare()
        elapsed, peak = timed(nth(command, index), cwd, env)
        if index >= 2:
            times.append(elapsed * 1000)
            peaks.append(peak)
    return statistics.median(times), max(peaks)


FLUSHES = "trace=fsync,fdatasync,syncfs,sync_file_range,msync"


def flushes(command, cwd, env, prepare=None):
    """How many times one run of `command` waits for the disk, as `strace -c` counts."""
    if prepare:
        prepare()
    with tempfile.NamedTemporaryFile(mode="r") as trace:
        subprocess.run(["strace", "-f", "-c", "-o", trace.name, "-e", FLUSHES, *map(str, command)], cwd=cwd, env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        totals = [line.split() for line in trace.read().splitlines() if line.rstrip().endswith(" total")]
    return int(totals[0][3]) if totals else 0


def git(repo, env, *arguments):
    return subprocess.run(["git", *arguments], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def generate(years, directory, env):
    repo = directory / f"journal-{years}y"
    git(directory, env, "init", "-q", "-b", "main", str(repo))
    generator = subprocess.Popen([BIN / "journal-generate", "--years", str(years)], stdout=subprocess.PIPE)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, env=env, stdin=generator.stdout, check=True)
    generator.wait()
    git(repo, env, "reset", "-q", "--hard")
    return repo


def day_paths(repo, env):
    """The day files HEAD holds, oldest first (not the files the `new` rows add beside them)."""
    return sorted(path for path in git(repo, env, "ls-tree", "-r", "--name-only", "HEAD").split()
                  if re.fullmatch(r"\d{4}/\d{2}/\d{4}-\d{2}-\d{2}\.md", path))


def rows_for(years, repo, env, runs):
    """Each journal row runs the command as a user would, one after another on the same journal
    (successive adds, `done` on successive tasks, `new` on successive days), so journal's own
    state is as its last command left it. Each git row makes the same edit, untimed, then times
    the git command that commits it."""
    days = day_paths(repo, env)
    path, earlier = days[-1], days[-2]
    day = Path(path).stem
    jenv = dict(env, JOURNAL_DIR=str(repo), JOURNAL_TODAY=day)
    journal = BIN / "journal"

    def append_to(relative, line):
        with open(repo / relative, "a") as handle:
            handle.write(line)

    def carry_by_hand(index=[0]):
        # The edit `journal new` makes: a new day file, and the source day changed.
        index[0] += 1
        append_to(earlier, "- [>] Carried by the benchmark\n")
        (repo / f"{path[:-3]}-next-{index[0]}.md").write_text("# next\n\n- [ ] Carried by the benchmark\n")
        git(repo, env, "add", "-A")

    def following_day(index):
        return (date.fromisoformat(day) + timedelta(days=index + 1)).isoformat()

    # `done` needs a new open task for each run: add them first, untimed.
    before = len(json.loads(subprocess.run([journal, "show", "--json"], env=jenv, capture_output=True, check=True).stdout)["tasks"])
    for number in range(runs + 3):
        subprocess.run([journal, "add", f"Task to finish {number}"], env=jenv, check=True, capture_output=True)

    index = repo / ".git" / "journal" / "history.sqlite"
    task_id = re.findall(r"\^([a-z0-9]{5})$", (repo / path).read_text(), re.M)[0]

    def forget_index():
        index.unlink(missing_ok=True)

    def one_more_commit():
        subprocess.run([journal, "add", "One more commit"], env=jenv, check=True, capture_output=True)

    # git's commits flush what journal's do: objects and refs (`core.fsync=committed`; git's own
    # default flushes nothing).
    commit = ["git", "-c", "core.fsync=committed", "commit", "-qam"]
    cases = [
        ("add (one commit)", [journal, "add", "Benchmark task"],
         commit + ["add"], lambda: append_to(path, "- [ ] Appended by the benchmark\n")),
        ("done (one commit)", lambda index: [journal, "done", str(before + 1 + index)],
         commit + ["done"], lambda: append_to(path, "- [x] Done by the benchmark\n")),
        ("show DATE", [journal, "show", day], ["git", "show", f"HEAD:{path}"], None),
        ("status", [journal, "status"], ["git", "--no-optional-locks", "status", "--porcelain"], None),
        ("diff A B", [journal, "diff", Path(earlier).stem, day],
         ["git", "diff", f"HEAD:{earlier}", f"HEAD:{path}"], None),
        ("log ID (warm index)", [journal, "log", task_id],
         ["git", "log", f"-S^{task_id}", "--oneline"], None),
        ("log -n 20", [journal, "log", "-n", "20"], ["git", "log", "-n", "20", "--oneline"], None),
        ("standup", [journal, "standup"], ["git", "show", f"HEAD:{earlier}", f"HEAD:{path}"], None),
        ("search WORD (all days)", [journal, "search", "benchmark"], ["git", "grep", "-i", "-n", "benchmark"], None),
        ("report --month", [journal, "report", "--month"], ["git", "grep", "-h", "-e", "- \\[x\\]", "--", path[:8]], None),
        ("new (carry: two files, one commit)", lambda index: [journal, "new", following_day(index)],
         commit + ["new"], carry_by_hand),
    ]
    # Rows where journal's own preparation differs: the index rebuilt from nothing, and the index
    # brought up to date after one commit.
    special = [
        ("index rebuild from nothing", [journal, "log", "-n", "1"], forget_index, ["git", "log", "-p"]),
        ("log ID after one new commit", [journal, "log", task_id], one_more_commit, ["git", "log", f"-S^{task_id}", "--oneline"]),
    ]
    rows = []
    for name, journal_command, git_command, git_prepare in cases:
        # git first: its commits rewrite the index, and journal's warm-up runs then see that once,
        # as a user's next command would after using git.
        git_ms, git_mib = measure(git_command, repo, env, runs, git_prepare)
        journal_ms, journal_mib = measure(journal_command, repo, jenv, runs)
        counted = (flushes(nth(journal_command, runs + 2), repo, jenv), flushes(git_command, repo, env, git_prepare))
        rows.append(row(name, years, journal_ms, journal_mib, git_ms, git_mib, git_command, counted))
    for name, journal_command, journal_prepare, git_command in special:
        git_ms, git_mib = measure(git_command, repo, env, runs)
        journal_ms, journal_mib = measure(journal_command, repo, jenv, runs, journal_prepare)
        counted = (flushes(journal_command, repo, jenv, journal_prepare), flushes(git_command, repo, env))
        rows.append(row(name, years, journal_ms, journal_mib, git_ms, git_mib, git_command, counted))
    return rows + sync_rows(years, repo, env, jenv, runs)


def nth(command, index):
    return command(index) if callable(command) else command


BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


def with_bundle_hidden(program):
    """`program` run in a private mount namespace where the system's certificate bundle is empty."""
    return ["unshare", "-m", "sh", "-c", f'mount --bind /dev/null {BUNDLE} && exec "$0"', str(program)]


def startup(work, env, runs):
    """What a process costs before it does anything: a Swift process alone, one that initialises
    libgit2, `journal --version`; and the first two again with the bundle hidden, both through the
    same namespace wrapper so that their ratio is the floor's own."""
    result = dict(hello_ms=measure([BIN / "journal-hello"], work, env, runs)[0],
                  floor_ms=measure([BIN / "journal-startup-floor"], work, env, runs)[0],
                  version_ms=measure([BIN / "journal", "--version"], work, env, runs)[0])
    if os.path.exists(BUNDLE) and subprocess.run(with_bundle_hidden("/bin/true"), capture_output=True).returncode == 0:
        # The namespace, sh and mount cost the same to both: what /bin/true pays is taken off.
        wrapper = measure(with_bundle_hidden("/bin/true"), work, env, runs)[0]
        result.update(hidden_hello_ms=measure(with_bundle_hidden(BIN / "journal-hello"), work, env, runs)[0] - wrapper,
                      hidden_floor_ms=measure(with_bundle_hidden(BIN / "journal-startup-floor"), work, env, runs)[0] - wrapper)
    print("start-up: " + ", ".join(f"{key} {value:.2f}" for key, value in result.items()), flush=True)
    return {key: round(value, 2) for key, value in result.items()}


def peer_rows(repo, env, jenv, runs, work):
    """journal next to Taskwarrior holding the same tasks: add, done, the day's list, the week's
    report of what was finished."""
    if not taskwarrior.available():
        print("no Taskwarrior (apt-get install taskwarrior): no peer rows", flush=True)
        return []
    days = day_paths(repo, env)
    day = jenv["JOURNAL_TODAY"]
    peer = taskwarrior.Taskwarrior(work / "taskwarrior", env)
    started = time.perf_counter()
    print(f"Taskwarrior: {peer.load(repo, days)} tasks imported in {time.perf_counter() - started:.1f} s", flush=True)
    journal = BIN / "journal"
    before = len(json.loads(subprocess.run([journal, "show", "--json"], env=jenv, capture_output=True, check=True).stdout)["tasks"])
    for number in range(runs + 3):
        subprocess.run([journal, "add", f"Peer task to finish {number}"], env=jenv, check=True, capture_output=True)
    uuids = peer.add_pending(runs + 3, "Peer task to finish")
    monday = date.fromisoformat(day) - timedelta(days=date.fromisoformat(day).weekday())
    cases = [
        ("add", [journal, "add", "Peer task"], peer.command("add", "Peer task")),
        ("done", lambda index: [journal, "done", str(before + 1 + index)], lambda index: peer.command(uuids[index], "done")),
        ("show DATE / list", [journal, "show", day], peer.command("list")),
        ("report --week / completed", [journal, "report", "--week"], peer.command(f"end.after:{monday.isoformat()}", "completed")),
    ]
    rows = []
    for name, journal_command, peer_command in cases:
        peer_ms, _ = measure(peer_command, work, peer.env, runs)
        journal_ms, _ = measure(journal_command, repo, jenv, runs)
        counted = (flushes(nth(journal_command, runs + 2), repo, jenv), flushes(nth(peer_command, runs + 2), work, peer.env))
        print(f"  peer {name:<28} journal {journal_ms:7.2f} ms  task {peer_ms:7.2f} ms  flushes {counted[0]}/{counted[1]}", flush=True)
        rows.append(dict(case=name, journal_ms=round(journal_ms, 2), task_ms=round(peer_ms, 2),
                         ratio=round(journal_ms / peer_ms, 2), task_command=" ".join(map(str, nth(peer_command, 0))),
                         journal_flushes=counted[0], task_flushes=counted[1]))
    return rows


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sync_rows(years, repo, env, jenv, runs):
    """journal sync against a git-daemon on 127.0.0.1, next to `git pull && git push` from a plain
    clone of the same remote: with nothing to do, and with one new commit on each side."""
    servers = repo.parent / f"servers-{years}y"
    servers.mkdir()
    git(repo.parent, env, "clone", "-q", "--bare", str(repo), str(servers / "journal.git"))
    port = free_port()
    daemon = subprocess.Popen([git(repo, env, "--exec-path").strip() + "/git-daemon", "--reuseaddr", "--export-all",
                               "--enable=receive-pack", "--listen=127.0.0.1", f"--port={port}", f"--base-path={servers}",
                               str(servers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.025)
        url = f"git://127.0.0.1:{port}/journal.git"
        journal = BIN / "journal"
        subprocess.run([journal, "remote", "add", "bench", url], env=jenv, check=True, capture_output=True)
        subprocess.run([journal, "sync", "--remote", "bench"], env=jenv, check=True, capture_output=True)
        other, plain = servers / "other-machine", servers / "plain-clone"
        for clone in (other, plain):
            git(servers, env, "clone", "-q", url, str(clone))
            git(clone, env, "config", "pull.rebase", "false")

        def commit_on_the_other_machine():
            git(other, env, "pull", "-q")
            with open(other / "notes.md", "a") as handle:
                handle.write("A line from the other machine\n")
            git(other, env, "add", "notes.md")
            git(other, env, "commit", "-qm", "other machine")
            git(other, env, "push", "-q")

        def one_commit_each_side_for_journal():
            commit_on_the_other_machine()
            subprocess.run([journal, "add", "Synced task"], env=jenv, check=True, capture_output=True)

        def one_commit_each_side_for_git():
            commit_on_the_other_machine()
            with open(plain / "local.md", "a") as handle:
                handle.write("A local line\n")
            git(plain, env, "add", "local.md")
            git(plain, env, "commit", "-qm", "local")

        # git's own defaults here, flushes included (none but the merge's): a sync's git rows
        # compare time, not what survives a crash.
        pull_and_push = ["sh", "-c", "git pull -q --no-edit && git push -q"]
        rows = []
        for name, prepare_journal, prepare_git in [
            ("sync, nothing to do", None, None),
            ("sync, one commit each side", one_commit_each_side_for_journal, one_commit_each_side_for_git),
        ]:
            git_ms, git_mib = measure(pull_and_push, plain, env, runs, prepare_git)
            journal_ms, journal_mib = measure([journal, "sync", "--remote", "bench"], repo, jenv, runs, prepare_journal)
            counted = (flushes([journal, "sync", "--remote", "bench"], repo, jenv, prepare_journal),
                       flushes(pull_and_push, plain, env, prepare_git))
            rows.append(row(name, years, journal_ms, journal_mib, git_ms, git_mib, ["git pull --no-rebase && git push"], counted))
        return rows
    finally:
        daemon.kill()
        daemon.wait()


def row(name, years, journal_ms, journal_mib, git_ms, git_mib, git_command, counted):
    print(f"  {years:>2}y {name:<38} journal {journal_ms:7.2f} ms  git {git_ms:7.2f} ms  "
          f"ratio {journal_ms / git_ms:5.2f}  peak {journal_mib:5.1f} MiB  flushes {counted[0]}/{counted[1]}", flush=True)
    return dict(case=name, years=years, journal_ms=round(journal_ms, 2), git_ms=round(git_ms, 2),
                ratio=round(journal_ms / git_ms, 2), journal_peak_mib=round(journal_mib, 1),
                git_peak_mib=round(git_mib, 1), git_command=" ".join(map(str, git_command)),
                journal_flushes=counted[0], git_flushes=counted[1])


def markdown(result):
    start = result["startup"]
    lines = [f"Machine: {result['machine']}; {result['runs']} runs per row, medians after 2 warm-ups.", "",
             "| start-up | ms | × hello |", "|---|---:|---:|",
             f"| a Swift process that prints hello (journal-hello) | {start['hello_ms']:.2f} | 1.00 |",
             f"| the floor: a Swift process that initialises libgit2 | {start['floor_ms']:.2f} | "
             f"{start['floor_ms'] / start['hello_ms']:.2f} |",
             f"| `journal --version` | {start['version_ms']:.2f} | {start['version_ms'] / start['hello_ms']:.2f} |"]
    if "hidden_floor_ms" in start:
        lines.append(f"| the floor, certificate bundle hidden (both in a mount namespace, its own cost taken off: "
                     f"{start['hidden_hello_ms']:.2f} ms for hello) | {start['hidden_floor_ms']:.2f} | "
                     f"{start['hidden_floor_ms'] / start['hidden_hello_ms']:.2f} |")
    lines += ["", "| years | journal | git command line | journal ms | git ms | ratio | × floor | journal peak MiB | flushes journal / git |",
              "|---:|---|---|---:|---:|---:|---:|---:|---:|"]
    for row in result["rows"]:
        lines.append(f"| {row['years']} | {row['case']} | `{row['git_command']}` | {row['journal_ms']:.2f} | "
                     f"{row['git_ms']:.2f} | {row['ratio']:.2f} | {row['journal_ms'] / start['floor_ms']:.2f} | "
                     f"{row['journal_peak_mib']:.1f} | {row['journal_flushes']} / {row['git_flushes']} |")
    if result["peers"]:
        lines += ["", "| journal (largest journal) | Taskwarrior, same tasks | journal ms | task ms | ratio | flushes journal / task |",
                  "|---|---|---:|---:|---:|---:|"]
        for row in result["peers"]:
            lines.append(f"| {row['case']} | `{row['task_command']}` | {row['journal_ms']:.2f} | {row['task_ms']:.2f} | "
                         f"{row['ratio']:.2f} | {row['journal_flushes']} / {row['task_flushes']} |")
    years = sorted({row["years"] for row in result["rows"]})
    if len(years) > 1:
        lines += ["", f"Growth from {years[0]} to {years[-1]} years (journal ms, {years[-1]}y ÷ {years[0]}y):", ""]
        for case in dict.fromkeys(row["case"] for row in result["rows"]):
            lines.append(f"- {case}: {growth(result, case):.2f}×")
    lines += ["", "| goal (issue 21) | measured | met |", "|---|---:|---|"]
    for goal, measured, met in goals(result):
        lines.append(f"| {goal} | {measured} | {'yes' if met else 'no'} |")
    return "\n".join(lines) + "\n"


def growth(result, case):
    years = sorted({row["years"] for row in result["rows"]})
    small, large = (next(r for r in result["rows"] if r["case"] == case and r["years"] == y) for y in (years[0], years[-1]))
    return large["journal_ms"] / small["journal_ms"]


def goals(result):
    """Each goal of issue 21 with what this run measured: (goal, measured, met)."""
    largest = max(row["years"] for row in result["rows"])
    rows = {row["case"]: row for row in result["rows"] if row["years"] == largest}
    start = result["startup"]
    several = len({row["years"] for row in result["rows"]}) > 1
    found = [("start-up floor ≤ 1.3× a Swift hello", start["floor_ms"] / start["hello_ms"], 1.3),
             ("`show DATE` ≤ 1.5× the floor", rows["show DATE"]["journal_ms"] / start["floor_ms"], 1.5)]
    for case in ("add (one commit)", "done (one commit)", "new (carry: two files, one commit)"):
        found.append((f"`{case}` ≤ 1.5× `git -c core.fsync=committed commit -am`", rows[case]["ratio"], 1.5))
        if several:
            found.append((f"`{case}` grows < 1.2× from the smallest journal", growth(result, case), 1.2))
    found += [("`search WORD` ≤ 1.5× `git grep -i`", rows["search WORD (all days)"]["ratio"], 1.5),
              ("flushes per writing command ≤ 6",
               max(rows[case]["journal_flushes"] for case in ("add (one commit)", "done (one commit)",
                                                              "new (carry: two files, one commit)")), 6),
              ("`log ID` ≤ 0.1× `git log -S` (0.06× before)", rows["log ID (warm index)"]["ratio"], 0.1),
              ("`sync`, nothing to do, ≤ 0.6× `git pull && git push` (0.55× before)", rows["sync, nothing to do"]["ratio"], 0.6)]
    return [(goal, f"{value:.2f}" if isinstance(value, float) else str(value), value <= limit) for goal, value, limit in found]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--years", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--out", type=Path, default=ROOT / "Benchmarks" / "results")
    options = parser.parse_args()

    if not shutil.which("strace"):
        raise SystemExit("the flush counts need strace: apt-get install strace")
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="journal-bench-"))
    try:
        home = work / "home"
        home.mkdir()
        (home / ".gitconfig").write_text("[user]\n\tname = Bench Mark\n\temail = bench@example.org\n")
        env = environment(home)
        start = startup(work, env, options.runs)
        rows, peers = [], []
        for years in options.years:
            started = time.perf_counter()
            repo = generate(years, work, env)
            commits = git(repo, env, "rev-list", "--count", "HEAD").strip()
            print(f"{years} year(s): {commits} commits generated in {time.perf_counter() - started:.1f} s", flush=True)
            jenv = dict(env, JOURNAL_DIR=str(repo), JOURNAL_TODAY=Path(day_paths(repo, env)[-1]).stem)
            rows += rows_for(years, repo, env, options.runs)
            if years == max(options.years):
                peers = peer_rows(repo, env, jenv, options.runs, work)
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
        result = dict(machine=f"{platform.node()}, {os.cpu_count()} cores, {cpu}, git {git(work, env, '--version').split()[-1]}",
                      runs=options.runs, startup=start, floor_ms=start["floor_ms"], rows=rows, peers=peers)
        options.out.mkdir(parents=True, exist_ok=True)
        (options.out / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
        (options.out / "latest.md").write_text(markdown(result))
        print()
        print(markdown(result))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
