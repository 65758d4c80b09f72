#!/usr/bin/env python3
"""Runs the side-by-side benchmark; see Benchmarks/run. Times are wall-clock medians; memory is
the peak resident set from /usr/bin/time -v."""
import argparse
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, cwd=None):
    """Wall seconds, peak KB and CPU seconds (user + system) of one command."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr).group(1)) for kind in ("User", "System"))
    return seconds, peak, cpu


def warm(*paths):
    """Reads every file under `paths` (and, for a program, the libraries it loads) into the page
    cache: this machine's page cache is emptied under it every few minutes (a 66 MB file read a
    minute before was found not cached at all), so a cold read from disk would be timed with
    whichever command came first after that. Each command is timed with its inputs read just before."""
    for path in paths:
        files = [path] if os.path.isfile(path) else [os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names]
        if os.access(path, os.X_OK) and os.path.isfile(path):
            listed = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
            files += re.findall(r"=> (/\S+)", listed)
        for file in files:
            with open(file, "rb") as f:
                while f.read(1 << 20):
                    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def wait_until(predicate, timeout):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.005)
    return False


def save_to_served(command, site, port, page, edits=5, ready_timeout=600, log=None):
    """Median seconds from saving a post (a new title) to the page with that title being served.
    With `log` (a file the server prints its rebuilds to), also the median of the rebuilds it
    reports behind the edits (`Rebuilt … in N ms`), and of those behind edits that give the post
    a new tag, which move it onto other lists (each waited for until the page shows the tag);
    else None for both."""
    output = open(log, "w") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=site, stdout=output, stderr=subprocess.STDOUT if log else subprocess.DEVNULL)
    try:
        ready = wait_until(lambda: process.poll() is not None or get(port, page)[0] == 200, ready_timeout)
        if not ready or process.poll() is not None:
            sys.exit(f"{command[0]} did not serve {page}")
        post = os.path.join(site, "content", "posts", page.strip("/").split("/")[-1])
        source = [f for f in os.listdir(os.path.join(site, "content", "posts")) if f.endswith(page.strip("/").split("/")[-1] + ".md")][0]
        path = os.path.join(site, "content", "posts", source)
        original = open(path, encoding="utf-8").read()
        times = []
        for edit in range(edits):
            marker = f"편집 {edit} {time.time_ns()}"
            text = re.sub(r'^title: ".*"$', f'title: "{marker}"', original, count=1, flags=re.M)
            time.sleep(0.3)
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            if not wait_until(lambda: marker in get(port, page)[1], 60):
                sys.exit(f"{command[0]} never served the edit")
            times.append(time.perf_counter() - start)
        time.sleep(5)  # the last full rebuild finishes
        rebuilt = re.compile(r"^(?:Rebuilt \d+ of \d+ pages .* in |다시 만들었습니다: .*, )(\d+) ms", re.M)
        def rebuild_times(text):
            return [int(m) / 1000 for m in rebuilt.findall(text)]
        rebuilds = moved = None
        if log:
            before = open(log, encoding="utf-8").read()
            found = rebuild_times(before)
            rebuilds = statistics.median(found) if found else None
            for edit in range(3):
                tag = f"이동{edit}{time.time_ns() % 100000}"
                text = re.sub(r"^tags: \[", f"tags: [{tag}, ", original, count=1, flags=re.M)
                time.sleep(0.3)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                if not wait_until(lambda: tag in get(port, page)[1], 120):
                    sys.exit(f"{command[0]} never served the tag edit")
            time.sleep(5)
            found = rebuild_times(open(log, encoding="utf-8").read()[len(before):])
            moved = statistics.median(found) if found else None
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        return statistics.median(times), rebuilds, moved
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def jekyll_site(work):
    """The corpus as a Jekyll blog: every post in _posts/, a _config.yml, an include and a theme's files."""
    root = os.path.join(work, "jekyll")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "_posts"))
    for kind in ("posts", "retrospectives"):
        folder = os.path.join(work, "sitegen", "content", kind)
        for name in os.listdir(folder):
            shutil.copyfile(os.path.join(folder, name), os.path.join(root, "_posts", name))
    with open(os.path.join(root, "_config.yml"), "w") as f:
        f.write("title: 벤치마크\nurl: https://example.com\nbaseurl: /blog\npermalink: /:year/:month/:day/:title/\n"
                "paginate: 10\nplugins: [jekyll-feed, jekyll-paginate]\n")
    for folder, name, text in (("_layouts", "post.html", "{{ content }}"), ("_includes", "head.html", "<head></head>")):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
        with open(os.path.join(root, folder, name), "w") as f:
            f.write(text)
    return root


def import_seconds(sitegen, kind, source, work, runs):
    """Median wall time of `sitegen import KIND` into a new folder."""
    times = []
    for run in range(runs):
        destination = os.path.join(work, f"imported-{kind}-{run}")
        shutil.rmtree(destination, ignore_errors=True)
        times.append(timed([sitegen, "import", kind, source, destination])[0])
        shutil.rmtree(destination, ignore_errors=True)
    return statistics.median(times)


def search_figures(output):
    """The search page over the split index (Benchmarks/search.py), and what one file of every entry
    (the index before it was split, downloaded whole on the first keystroke) would weigh."""
    entries = os.path.join(output, "search-index", "d")
    whole = sum(os.path.getsize(os.path.join(entries, name)) + 1 for name in os.listdir(entries)) + 1
    result = subprocess.run([sys.executable, os.path.join(HERE, "search.py"), output], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"search.py failed:\n{result.stderr[-2000:]}")
    queries = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {"whole": whole, "queries": queries}


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sitegen", required=True)
    parser.add_argument("--sizes", default="1000 10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", required=True)
    parser.add_argument("--work", default="/tmp/sitegen-bench")
    args = parser.parse_args()
    sitegen = os.path.abspath(args.sitegen)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip().split(" ")[1]
    sizes = [int(x) for x in args.sizes.split()]
    # Every corpus is made first, then nothing is deleted until every build has been timed: this
    # machine's disk is ext4 without a journal, which, making a file, passes over each inode freed in
    # the last 5 s, or 305 s while the inode's table block is dirty (new files soon make it so), one
    # by one. Timed sooner, a build pays for the deletions before it (up to +3 s at 10,000 posts,
    # Hugo as well). A journalled ext4 (the usual one) does not look.
    works = {n: os.path.join(args.work, str(n)) for n in sizes}
    for n in sizes:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(n), works[n]], check=True)
        shutil.rmtree(os.path.join(works[n], "outputs"), ignore_errors=True)
        os.makedirs(os.path.join(works[n], "outputs"))
    time.sleep(310)
    rows = []
    for n in sizes:
        work = works[n]
        corpus_mb = os.path.getsize(os.path.join(work, "bodies.md")) / 1e6
        floor_command = ["sh", "-c", f"cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist < {work}/bodies.md > /dev/null"]
        floors, ours, plain, theirs, lean = [], [], [], [], []
        # Each run writes to a folder never used before; all are removed after the last build is timed.
        outputs = os.path.join(work, "outputs")
        for run in range(args.runs):  # alternating, so all see the same machine; the floor too (it moved by a fifth between runs)
            warm(os.path.join(work, "bodies.md"), shutil.which("cmark-gfm"))
            floors.append(timed(floor_command))
            warm(os.path.join(work, "sitegen"), sitegen)
            ours.append(timed([sitegen, "build", "--source", os.path.join(work, "sitegen"), "--output", os.path.join(outputs, f"sitegen-{run}")]))
            warm(os.path.join(work, "sitegen-plain"), sitegen)
            plain.append(timed([sitegen, "build", "--source", os.path.join(work, "sitegen-plain"), "--output", os.path.join(outputs, f"plain-{run}")]))
            warm(os.path.join(work, "hugo"), shutil.which("hugo"))
            theirs.append(timed(["hugo", "--quiet", "-s", os.path.join(work, "hugo"), "-d", os.path.join(outputs, f"hugo-{run}")]))
            warm(os.path.join(work, "hugo-lean"), shutil.which("hugo"))
            lean.append(timed(["hugo", "--quiet", "-s", os.path.join(work, "hugo-lean"), "-d", os.path.join(outputs, f"hugo-lean-{run}")]))
        pages = sum(1 for _, _, files in os.walk(os.path.join(outputs, "sitegen-0")) for f in files if f.endswith(".html"))
        hugo_pages = sum(1 for _, _, files in os.walk(os.path.join(outputs, "hugo-0")) for f in files if f.endswith(".html"))
        rows.append({
            "n": n, "mb": corpus_mb, "floor": statistics.median(t for t, _, _ in floors), "floor_peak": max(p for _, p, _ in floors),
            "ours": statistics.median(t for t, _, _ in ours), "ours_peak": max(p for _, p, _ in ours),
            "plain": statistics.median(t for t, _, _ in plain),
            "ours_cpu": statistics.median(c for _, _, c in ours), "plain_cpu": statistics.median(c for _, _, c in plain),
            "theirs": statistics.median(t for t, _, _ in theirs), "theirs_peak": max(p for _, p, _ in theirs),
            "lean": statistics.median(t for t, _, _ in lean),
            "pages": pages, "hugo_pages": hugo_pages,
        })
        print(rows[-1], flush=True)
    # What deletes or serves comes after every build is timed.
    for row in rows:
        work = works[row["n"]]
        outputs = os.path.join(work, "outputs")
        row["search"] = search_figures(os.path.join(outputs, "sitegen-0"))
        shutil.rmtree(outputs, ignore_errors=True)
        our_port, their_port = free_port(), free_port()
        row["serve_ours"], row["rebuild_ours"], row["moved_ours"] = save_to_served([sitegen, "serve", "--port", str(our_port)], os.path.join(work, "sitegen"),
                                                                                   our_port, "/posts/entry-1/", log=os.path.join(work, "serve.log"))
        row["serve_theirs"], _, _ = save_to_served(["hugo", "server", "--port", str(their_port)], os.path.join(work, "hugo"), their_port, "/posts/entry-1/")
        row["import_jekyll"] = import_seconds(sitegen, "jekyll", jekyll_site(work), work, args.runs)
        row["import_hugo"] = import_seconds(sitegen, "hugo", os.path.join(work, "hugo"), work, args.runs)
        print(row, flush=True)
    write(args.out, rows, hugo_version, args.runs)


def write(path, rows, hugo_version, runs):
    lines = [
        "# Benchmark results", "",
        f"Made by `Benchmarks/run` on {time.strftime('%Y-%m-%d')}: {machine()}.",
        f"Hugo {hugo_version} (Debian), cmark-gfm (Debian). Medians of {runs} cold builds, the floor, sitegen and Hugo alternating;",
        "peak memory is the largest resident set of those runs. The machine is shared: read the ratios, measured side by side.",
        "Builds write to this machine's disk (ext4 without a journal) and start 310 s after the benchmark last deleted files,",
        "as such an ext4 passes over recently freed inodes one by one when it makes files; each command's inputs and",
        "program are read into the page cache just before it runs, as this machine empties it every few minutes (see `run.py`).", "",
        "The Hugo site's lists show summaries, as sitegen's do; a lean Hugo site (lists of titles only, as many",
        "Hugo themes have them) is timed too, so the ratio is given as a range.", "",
        "| posts | Markdown | floor: one cmark-gfm | sitegen build | Hugo build | Hugo lean | sitegen ÷ floor | sitegen ÷ Hugo (lean) | sitegen pages/s | sitegen peak | Hugo peak |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['mb']:.0f} MB | {r['floor']:.2f} s | {r['ours']:.2f} s | {r['theirs']:.2f} s | {r['lean']:.2f} s | "
                     f"{r['ours'] / r['floor']:.2f}× | {r['ours'] / r['theirs']:.2f}× ({r['ours'] / r['lean']:.2f}×) | {r['pages'] / r['ours']:,.0f} | "
                     f"{r['ours_peak'] / 1024:.0f} MB | {r['theirs_peak'] / 1024:.0f} MB |")
    lines += ["", "Save to served (an edited post's new title served by the preview), median of 5 edits, and the",
              "rebuild `serve` runs behind it (every list, feed and index that shows the post made current), as it",
              "reports it. A new title leaves the post where it was, so that rebuild starts from the last one; a new",
              "tag moves the post onto other lists and rebuilds the whole site (median of 3 such edits):", "",
              "| posts | sitegen serve | its rebuild | rebuild after a new tag | hugo server (fast render, in memory, its defaults) |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    def ms(value):
        return "—" if value is None else f"{value * 1000:.0f} ms"
    for r in rows:
        lines.append(f"| {r['n']:,} | {ms(r['serve_ours'])} | {ms(r.get('rebuild_ours'))} | {ms(r.get('moved_ours'))} | {ms(r['serve_theirs'])} |")
    lines += ["", "Build-time highlighting (issue 13): the same site with `highlight: false`, medians of the same runs:", "",
              "| posts | highlighted | plain | highlighting adds (wall) | CPU highlighted | CPU plain | highlighting adds (CPU) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['ours']:.2f} s | {r['plain']:.2f} s | {100 * (r['ours'] / r['plain'] - 1):+.0f}% | "
                     f"{r['ours_cpu']:.2f} s | {r['plain_cpu']:.2f} s | {100 * (r['ours_cpu'] / r['plain_cpu'] - 1):+.0f}% |")
    lines += ["", "`sitegen import` of the corpus as a Jekyll blog (`_posts/`, `_config.yml`, a theme's layout and include) and as",
              "the Hugo site above, into a new folder (issue 12: under 2 s at 1,000 posts):", "",
              "| posts | import jekyll | import hugo |", "| ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['import_jekyll']:.2f} s | {r['import_hugo']:.2f} s |")
    lines += ["", "Search (issue 15): the search page in headless Chromium over the split index, each query in a fresh page;",
              "bytes are what the query fetched (gram shards and the entries of the ten results shown), time is from",
              "typing to results. Before the split, the first keystroke downloaded one file of every entry:", ""]
    lines += ["| posts | query | results | fetched | files | time | one whole index |", "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        for q in r["search"]["queries"]:
            lines.append(f"| {r['n']:,} | {q['query']} | {q['results']} | {q['bytes'] / 1024:.0f} KB | {q['files']} | {q['ms']:.0f} ms | "
                         f"{r['search']['whole'] / 1e6:.1f} MB |")
    lines += ["", "Pages written: " + ", ".join(f"{r['n']:,} posts: sitegen {r['pages']:,}, Hugo {r['hugo_pages']:,}" for r in rows) + ".", ""]
    big = max(rows, key=lambda r: r["n"])
    lines += [f"Against the targets of issue 14, at {big['n']:,} posts:", "",
              "| target | measured | |", "| --- | --- | --- |",
              f"| cold build within 3× of the floor | {big['ours'] / big['floor']:.1f}× | {'met' if big['ours'] <= 3 * big['floor'] else 'missed'} |",
              f"| at most 0.2× Hugo's time | {big['ours'] / big['theirs']:.2f}× (lean Hugo: {big['ours'] / big['lean']:.2f}×) | {'met' if big['ours'] <= 0.2 * big['theirs'] else 'missed'} |",
              f"| peak memory at most 400 MB | {big['ours_peak'] / 1024:.0f} MB | {'met' if big['ours_peak'] <= 400 * 1024 else 'missed'} |",
              f"| an edit served by `serve` within 50 ms | {big['serve_ours'] * 1000:.0f} ms | {'met' if big['serve_ours'] < 0.05 else 'missed'} |",
              f"| highlighting adds at most 15% to the cold build (issue 13) | {100 * (big['ours'] / big['plain'] - 1):+.0f}% wall, "
              f"{100 * (big['ours_cpu'] / big['plain_cpu'] - 1):+.0f}% CPU | {'met' if big['ours'] <= 1.15 * big['plain'] else 'missed'} |",
              f"| the rebuild behind it within 300 ms | {ms(big.get('rebuild_ours'))} (after a new tag: {ms(big.get('moved_ours'))}) | "
              f"{'met' if big.get('rebuild_ours') is not None and big['rebuild_ours'] <= 0.3 else 'missed'} |"]
    one_word = [q for q in big["search"]["queries"] if " " not in q["query"]]
    most_bytes = max(q["bytes"] for q in one_word)
    slowest = max(q["ms"] for q in one_word)
    lines += [f"| a one-word search loads at most 300 KB (issue 15) | {most_bytes / 1024:.0f} KB at most | {'met' if most_bytes <= 300 * 1024 else 'missed'} |",
              f"| and answers within 100 ms | {slowest:.0f} ms at most | {'met' if slowest <= 100 else 'missed'} |", ""]
    # The analysis below the marker is written by hand and kept across runs.
    marker = "<!-- analysis: kept by Benchmarks/run -->"
    analysis = ""
    if os.path.exists(path):
        previous = open(path).read()
        if marker in previous:
            analysis = previous[previous.index(marker):]
    with open(path, "w") as f:
        f.write("\n".join(lines) + ("\n" + analysis if analysis else ""))


if __name__ == "__main__":
    main()
