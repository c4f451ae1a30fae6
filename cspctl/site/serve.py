"""`cspctl site --serve`: preview the built site on localhost (never on other interfaces)."""

from __future__ import annotations

import functools
from pathlib import Path


def serve(folder: Path, port: int, announce: object = print) -> None:
    """Serve `folder` on 127.0.0.1:`port` until interrupted."""
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from cspctl.errors import CspError

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        raise CspError(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}; try --port") from None
    if callable(announce):
        announce(f"serving {folder} at http://127.0.0.1:{server.server_port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
