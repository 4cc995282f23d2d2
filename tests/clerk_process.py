"""Another clerk's program on the office's server, in a process of its own (tests of issue 17).

`python tests/clerk_process.py CONNINFO MEETING_ID NAME` opens the meeting as the window does
(the lease taken, edits through `MeetingEditor`) and answers commands on stdin, one a line:
`title TEXT` sets the meeting's title; `release` lets the meeting go; `vanish` ends the process
at once, as a program killed or a laptop shut, leaving its lease to lapse. Each answer is a line
on stdout: `leased`, `held WHO`, `ok`, `refused MESSAGE`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.editing import MeetingEditor
from models.server import ServerDatabase
from models.storage import StorageError


def main() -> None:
    conninfo, meeting_id, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    database = ServerDatabase.open_server(conninfo, clerk=name)
    holder = database.take_lease(meeting_id)
    print("leased" if holder is None else f"held {holder.who}", flush=True)
    editor = MeetingEditor(database, meeting_id)
    for line in sys.stdin:
        verb, _, rest = line.rstrip("\n").partition(" ")
        if verb == "vanish":
            os._exit(0)  # no release, no goodbye: the lease lapses on the server
        try:
            if verb == "title":
                editor.set_meeting_field("title", rest)
            elif verb == "release":
                database.release_lease(meeting_id)
            print("ok", flush=True)
        except StorageError as error:
            print(f"refused {error}", flush=True)
    database.close()


if __name__ == "__main__":
    main()
