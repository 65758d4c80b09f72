#!/usr/bin/env python3
"""Times the search page of a built site in headless Chromium (chromedriver): for each query, the
milliseconds from typing it to the first results shown (median of three), and the bytes the page fetched for it
(shards and entries; the page itself, its script and `meta.json` are loaded before the first query).

Usage: search.py OUTPUT_DIR [QUERY ...]   (prints one JSON object per query)
Used by run.py; needs chromium and chromium-driver (Debian)."""
import functools
import http.server
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

QUERIES = ["회고", "배포", "검색 품질", "프로젝트", "retrospective", "컨퍼런스 참관기", "없는말"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"{}")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(output, queries):
    site_port, driver_port = free_port(), free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), functools.partial(Quiet, directory=output))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = subprocess.Popen(["chromedriver", f"--port={driver_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{driver_port}"
    try:
        for _ in range(100):
            try:
                call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        session = call(base, "POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}}}})
        sid = session["value"]["sessionId"]
        call(base, "POST", f"/session/{sid}/url", {"url": f"http://127.0.0.1:{site_port}/search/"})
        # The page's own files and meta.json first, as a reader's first keystroke would have them.
        script = """
            const done = arguments[arguments.length - 1];
            const query = arguments[0];
            (async () => {
              await fetch('/search-index/meta.json');
              performance.clearResourceTimings();
              const status = document.getElementById('search-status');
              status.textContent = '';
              const input = document.getElementById('search-input');
              const start = performance.now();
              input.value = query;
              input.dispatchEvent(new Event('input'));
              while (status.textContent === '') await new Promise(r => setTimeout(r, 1));
              const ms = performance.now() - start;
              const bytes = performance.getEntriesByType('resource').reduce((sum, e) => sum + (e.decodedBodySize || 0), 0);
              const files = performance.getEntriesByType('resource').length;
              return { query, ms, bytes, files, results: status.textContent };
            })().then(done, e => done({ error: String(e) }));
        """
        def run(query):
            # Each query in a fresh page: nothing a previous one loaded is reused.
            call(base, "POST", f"/session/{sid}/url", {"url": f"http://127.0.0.1:{site_port}/search/"})
            return call(base, "POST", f"/session/{sid}/execute/async", {"script": script, "args": [query]})["value"]
        run(queries[0])  # a first search warms the browser up
        results = []
        for query in queries:
            runs = [run(query) for _ in range(3)]
            result = dict(runs[0])
            result["ms"] = statistics.median(r["ms"] for r in runs)
            results.append(result)
        call(base, "DELETE", f"/session/{sid}")
        return results
    finally:
        driver.kill()
        server.shutdown()


def main():
    output = os.path.abspath(sys.argv[1])
    for result in measure(output, sys.argv[2:] or QUERIES):
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
