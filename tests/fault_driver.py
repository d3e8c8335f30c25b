"""Run ``zi-auditor`` with one fault injected at an exact moment, as a real subprocess.

The fault is described by the environment variable FAULT_PLAN (JSON):
  {"event": "open" | "os.scandir", "path_has": "...", "action": ..., "target": "..."}
When the process (or one of its forked inspection workers) raises the Python audit event
``event`` for a path holding ``path_has``, the action happens once:
  - "delete": remove the file ``target`` (a user deleting evidence mid-scan);
  - "replace_dir": move the folder ``target`` to ``aside`` and put a file in its place;
  - "kill": SIGKILL the scan's main process (a power cut, the OOM killer);
  - "fifo": put a named pipe in place of the file ``target`` (nothing ever writes to it):
    opened right after the reader checked it was a regular file, the open waits forever;
  - "kill_self_once": SIGKILL the process that raised the event (an inspection worker
    stopped by the OOM killer), unless the marker file ``target`` exists; it is made first;
  - "unmount": move everything in the folder ``target`` into ``aside`` (a share that drops:
    its mount point stays, empty);
  - "remove_dir": move the folder ``target`` to ``aside`` (a folder gone mid-walk);
  - "symlink": put a symbolic link to ``to`` in place of the file ``target`` (a file
    swapped for a link out of the evidence root between the walk and the read);
  - "sleep": wait ``seconds`` without using the processor (a stalled network drive);
  - "spin": use ``seconds`` of processor time in the process that raised the event (a
    document that takes that long to read), once per process: every worker that opens it.
Nothing in zi-auditor is changed: the hook only acts on the file system or the process
(for os.scandir events, the pure-Python walker is chosen: see below).
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import signal
import sys
import time

PLAN = json.loads(os.environ["FAULT_PLAN"])
MAIN_PID = os.getpid()
SPUN: list[int] = []  # a "spin" happened in this process (a forked worker starts empty)


def _act() -> None:
    target = PLAN.get("target", "")
    if PLAN["action"] == "delete" and os.path.exists(target):
        os.remove(target)
    elif PLAN["action"] == "replace_dir" and os.path.isdir(target):
        shutil.move(target, PLAN["aside"])
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("bukan folder\n")
    elif PLAN["action"] == "kill":
        os.kill(MAIN_PID, signal.SIGKILL)
    elif PLAN["action"] == "fifo" and os.path.isfile(target):
        os.remove(target)
        os.mkfifo(target)
    elif PLAN["action"] == "unmount" and os.path.isdir(target):
        os.makedirs(PLAN["aside"], exist_ok=True)
        for name in os.listdir(target):
            shutil.move(os.path.join(target, name), os.path.join(PLAN["aside"], name))
    elif PLAN["action"] == "remove_dir" and os.path.isdir(target):
        shutil.move(target, PLAN["aside"])
    elif PLAN["action"] == "symlink" and not os.path.islink(target):
        os.remove(target)
        os.symlink(PLAN["to"], target)
    elif PLAN["action"] == "sleep":
        time.sleep(float(PLAN["seconds"]))
    elif PLAN["action"] == "spin" and not SPUN:
        SPUN.append(os.getpid())
        end = time.process_time() + float(PLAN["seconds"])
        while time.process_time() < end:
            pass
    elif PLAN["action"] == "kill_self_once" and not os.path.exists(target):
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("worker killed once\n")
        os.kill(os.getpid(), signal.SIGKILL)


def _hook(event: str, args: tuple) -> None:
    if event != PLAN["event"] or not args:
        return
    path = args[0]
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if isinstance(path, str) and PLAN["path_has"] in path:
        _act()


sys.addaudithook(_hook)
sys.argv = ["zi-auditor", *sys.argv[1:]]
runpy.run_module("auditor", run_name="__main__", alter_sys=True)
