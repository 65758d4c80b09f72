#!/usr/bin/env python3
"""Writes 10,000-line files of Python, C, JavaScript and Go for the highlighter spike (run)."""
import sys

SAMPLES = {
    "py": '''import os, sys
from dataclasses import dataclass

@dataclass
class Point:
    """A point in 2D space."""
    x: float = 0.0
    y: float = 0.0

    def dist(self, other: "Point") -> float:
        # Euclidean distance
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5

def main(argv):
    pts = [Point(i, i * 2) for i in range(10)]
    total = sum(p.dist(Point()) for p in pts)
    print(f"total={total:.3f}", file=sys.stderr)
    return 0 if len(argv) > 1 and argv[1] == '--help' else 1
''',
    "c": '''#include <stdio.h>
#include <stdlib.h>

/* A growing buffer of ints. */
typedef struct { int *items; size_t count, capacity; } list;

static int push(list *l, int value) {
    if (l->count == l->capacity) {
        size_t next = l->capacity ? l->capacity * 2 : 8;
        int *grown = realloc(l->items, next * sizeof *grown);
        if (!grown) return -1;  // out of memory
        l->items = grown;
        l->capacity = next;
    }
    l->items[l->count++] = value;
    return 0;
}

int main(void) { list l = {0}; for (int i = 0; i < 100; i++) push(&l, i * 0x10); printf("%zu\\n", l.count); return 0; }
''',
    "js": '''import { readFile } from "node:fs/promises";

// Loads the search index and answers a query.
export async function search(query, path = "./search.json") {
  const entries = JSON.parse(await readFile(path, "utf8"));
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return entries
    .filter((entry) => entry.title.toLowerCase().includes(needle) || entry.text.includes(needle))
    .slice(0, 20)
    .map(({ title, url }) => ({ title, url, score: 1.5 * title.length }));
}

class Cache extends Map {
  get(key) { return super.has(key) ? super.get(key) : undefined; }
}
const cache = new Cache();
console.log(`ready: ${cache.size} entries`, /[a-z]+/g.test("abc"));
''',
    "go": '''package main

import (
	"fmt"
	"os"
	"strings"
)

// Post is one entry of the blog.
type Post struct {
	Title string
	Tags  []string
}

func main() {
	posts := []Post{{Title: "회고", Tags: []string{"weekly"}}, {Title: "일지"}}
	for i, p := range posts {
		if len(p.Tags) == 0 {
			fmt.Fprintf(os.Stderr, "%d: %s has no tags\\n", i, p.Title)
			continue
		}
		fmt.Println(strings.Join(p.Tags, ", "), 0x1F, 3.14)
	}
}
''',
}

out = sys.argv[1] if len(sys.argv) > 1 else "."
for ext, text in SAMPLES.items():
    lines = text.splitlines()
    repeated = (lines * (10000 // len(lines) + 1))[:10000]
    with open(f"{out}/corpus.{ext}", "w") as f:
        f.write("\n".join(repeated) + "\n")
