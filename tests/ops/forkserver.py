"""A process that has imported ``liaison.cli`` once and forks a child per command, so
that many short ``liaison`` runs can be started (and SIGKILLed) without paying the
interpreter's start-up each time. Each child runs ``liaison.cli.main`` with the given
arguments and environment, exactly as the ``liaison`` script does.

Protocol on stdin/stdout, one JSON object a line:
  in  {"argv": [...], "env": {...}}  →  out {"pid": N}, later {"pid": N, "code": C}
(C is the exit code, or minus the signal that ended the child.)
"""

from __future__ import annotations

import json
import os
import sys


def _child(argv: list[str], env: dict[str, str]) -> None:
    code = 0
    try:
        os.environ.clear()
        os.environ.update(env)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        from liaison import config, db
        from liaison.cli import main

        config.get_settings.cache_clear()
        db._engines.clear()
        sys.argv = ["liaison", *argv]
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - reported by the exit code
        code = 70
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    import liaison.cli  # noqa: F401 - the point: import once, before forking
    import liaison.ingest.interchange  # noqa: F401

    for line in sys.stdin:
        order = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(order["argv"], order["env"])
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        print(json.dumps({"pid": pid, "code": code}), flush=True)


if __name__ == "__main__":
    serve()
