#!/usr/bin/env python3
"""Serves www/ on 127.0.0.1 (default port 8080) with .wasm as application/wasm.

`--csp` adds the Content-Security-Policy a portal should send (docs/embedding.md gives it; the
browser tests serve the page under it and check that this is the same policy), to try the page
under it. The page needs no data: or blob: image: its only image is its icon, favicon.svg."""
import argparse
import functools
import http.server
import os

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
       "style-src 'self'; img-src 'self'")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript; charset=utf-8",
                      ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8"}
    csp = False

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        if self.csp:
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "www"))
    p.add_argument("--csp", action="store_true")
    a = p.parse_args()
    Handler.csp = a.csp
    handler = functools.partial(Handler, directory=os.path.abspath(a.dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as httpd:
        print(f"年报校验: http://127.0.0.1:{a.port}/  (Ctrl+C 停止)", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
