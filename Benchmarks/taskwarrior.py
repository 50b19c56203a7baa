"""Taskwarrior as a peer: the tool a user would pick instead of journal, given the same tasks.

The tasks of the generated journal are imported into a Taskwarrior data folder of its own (one
task per task id, in the state its latest day gives it, created on its first day and finished on
its last), then Taskwarrior's add, done, list and weekly report of what was completed are timed
next to journal's add, done, show and report --week in the same run.
"""
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

TASK_LINE = re.compile(r"^\s*- \[(.)\] (.*?) \^([a-z0-9]{5})$", re.M)
STATES = {" ": "pending", "/": "pending", "x": "completed", "-": "deleted"}


def available():
    return shutil.which("task") is not None


def tasks_of(repo, days):
    """Each task id's first day, last day, text and latest state (a carried copy's `[>]` yields
    to the state on the day it was carried to)."""
    tasks = {}
    for path in days:
        day = Path(path).stem
        for state, text, task_id in TASK_LINE.findall((repo / path).read_text()):
            known = tasks.setdefault(task_id, dict(first=day, text=text))
            known["last"] = day
            if state != ">":
                known["state"] = state
    return tasks


def stamp(day, hour):
    return date.fromisoformat(day).strftime("%Y%m%d") + f"T{hour:02d}0000Z"


class Taskwarrior:
    def __init__(self, folder, env):
        self.folder = folder
        folder.mkdir()
        (folder / "taskrc").write_text(
            f"data.location={folder / 'data'}\nconfirmation=off\nverbose=nothing\nhooks=off\n"
            "recurrence=off\ngc=on\nnews.version=2.6.2\n")
        self.env = dict(env, TASKRC=str(folder / "taskrc"), TASKDATA=str(folder / "data"))

    def command(self, *arguments):
        return ["task", *arguments]

    def run(self, *arguments, input=None):
        return subprocess.run(self.command(*arguments), env=self.env, input=input, check=True,
                              capture_output=True, text=True).stdout

    def load(self, repo, days):
        """Imports the journal's tasks; returns how many."""
        records = []
        for task_id, task in sorted(tasks_of(repo, days).items()):
            record = dict(description=task["text"], entry=stamp(task["first"], 9),
                          status=STATES.get(task.get("state", " "), "pending"))
            if record["status"] != "pending":
                record["end"] = stamp(task["last"], 17)
            records.append(record)
        (self.folder / "import.json").write_text(json.dumps(records))
        self.run("import", str(self.folder / "import.json"))
        return len(records)

    def add_pending(self, count, prefix):
        """Adds `count` tasks to finish, and returns their UUIDs in order."""
        for number in range(count):
            self.run("add", f"{prefix} {number}")
        exported = json.loads(self.run("status:pending", "export"))
        by_text = {task["description"]: task["uuid"] for task in exported}
        return [by_text[f"{prefix} {number}"] for number in range(count)]
