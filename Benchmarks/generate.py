#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus twice: as a sitegen site and as a Hugo site.

Usage: generate.py N OUT_DIR [--seed S]
  OUT_DIR/sitegen/  content/posts, content/retrospectives, site.yml
  OUT_DIR/hugo/     content/posts, content/retrospectives, hugo.toml, layouts/ (post pages with a TOC,
                    tag pages, a tag index and a paginated home list, as the sitegen default theme does)
  OUT_DIR/hugo-lean/  the same content (contentDir), lists of titles without summaries, as many Hugo
                    themes have them: the cheaper Hugo build, so results show the range
  OUT_DIR/sitegen-plain/  the sitegen site with `highlight: false`, to time what highlighting costs
Posts and retrospectives are 4-8 KB of mixed Korean and English with headings carrying punctuation,
nested lists, blockquotes, code, tables, raw HTML blocks and links; 1-4 tags from a pool of 60. Every
post has a 10-16 line code block in one of eight languages (both generators highlight it at build time).
"""
import os
import random
import shutil
import sys

KOREAN = ("회고 이번 주 목표 정리 팀 프로젝트 배포 검색 품질 개선 실험 결과 공유 회의 집중 시간 독서 운동 습관 "
          "발표 준비 코드 리뷰 문서 작성 온보딩 사용자 피드백 데이터 분석 모델 학습 성능 측정 지표 개선점 "
          "다음 분기 계획 하반기 상반기 컨퍼런스 세션 참관기 느낀 점 배운 점 아쉬운 점 잘한 점").split()
ENGLISH = ("the team shipped search quality experiments with better metrics while we refactored the build "
           "pipeline and wrote documentation for onboarding new engineers to our retrospective process").split()
HEADINGS = ["1분기 [1월~3월]", "ML/AI 개발자를 위한", "아는가? : AiRSearch", "Scavenger - 당신의 데이터",
            "잘한 점 / 아쉬운 점", "Keep", "Problem", "Try", "다음 목표", "What went well?", "배운 점 (2024)"]
TAGS = [f"태그{i}" if i % 2 else f"tag-{i}" for i in range(60)]


def sentence(rng):
    words = [rng.choice(KOREAN if rng.random() < 0.6 else ENGLISH) for _ in range(rng.randint(6, 14))]
    return " ".join(words).capitalize() + rng.choice([".", ".", "?", "!"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def block(rng, n):
    kind = rng.randrange(7)
    if kind == 0:
        items = [f"- {sentence(rng)}" for _ in range(rng.randint(2, 4))]
        items.insert(1, f"    - {sentence(rng)}")
        items.insert(2, f"    - {sentence(rng)}")
        return "\n".join(items)
    if kind == 1:
        return "> " + sentence(rng) + "  \n> " + sentence(rng)
    if kind == 2:
        return "```swift\nlet pages = posts.map { render($0) }\nprint(pages.count)\n```"
    if kind == 3:
        rows = "\n".join(f"| {rng.choice(KOREAN)} | {rng.randint(1, 99)} |" for _ in range(3))
        return "| 항목 | 값 |\n| --- | --- |\n" + rows
    if kind == 4:
        return f'<div align="center"><img src="/images/{n % 10}.png" alt="{rng.choice(KOREAN)}" width="480"></div>'
    if kind == 5:
        return f"{sentence(rng)} [관련 글](https://example.com/{n}) 그리고 https://www.notion.so/page-{n}"
    return paragraph(rng)


CODE = {
    "python": '''import json
from pathlib import Path

def load_posts(folder: Path) -> list[dict]:
    """Reads every post's front matter."""
    posts = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            posts.append({"path": str(path), "size": len(text)})  # 크기
    return posts

print(json.dumps(load_posts(Path("content/posts")), ensure_ascii=False))''',
    "go": '''package main

import (
	"fmt"
	"strings"
)

type Retro struct {
	Week  int
	Goals []string
}

func main() {
	r := Retro{Week: 47, Goals: []string{"운동", "독서"}}
	fmt.Printf("%d주차: %s\\n", r.Week, strings.Join(r.Goals, ", "))
}''',
    "javascript": '''const input = document.querySelector("#search");
let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const query = input.value.trim();
    if (query.length < 2) return;
    const response = await fetch(`/search.json?q=${encodeURIComponent(query)}`);
    const results = await response.json();
    render(results.slice(0, 20)); // 상위 20개
  }, 150);
});''',
    "kotlin": '''data class Post(val title: String, val tags: List<String> = emptyList())

fun main() {
    val posts = listOf(Post("회고", listOf("weekly")), Post("일지"))
    val byTag = posts.flatMap { post -> post.tags.map { it to post } }
        .groupBy({ it.first }, { it.second })
    for ((tag, tagged) in byTag) {
        println("$tag: ${tagged.size}")
    }
    require(posts.isNotEmpty()) { "no posts" }
}''',
    "sql": '''-- 태그별 글 수
SELECT t.name, COUNT(p.id) AS posts, MAX(p.published_at) AS latest
FROM tags t
JOIN post_tags pt ON pt.tag_id = t.id
JOIN posts p ON p.id = pt.post_id
WHERE p.draft = FALSE
  AND p.published_at >= DATE '2024-01-01'
GROUP BY t.name
HAVING COUNT(p.id) > 3
ORDER BY posts DESC, t.name
LIMIT 20;''',
    "bash": '''#!/usr/bin/env bash
set -euo pipefail
site="${1:-.}"
count=0
for post in "$site"/content/posts/*.md; do
  if grep -q '^draft: true' "$post"; then
    echo "skip: $post" >&2
    continue
  fi
  count=$((count + 1))
done
echo "published: $count"''',
    "yaml": '''name: Publish
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: sudo apt-get install -y libcmark-gfm-dev
      - run: swift run sitegen build  # 빌드
      - uses: actions/upload-pages-artifact@v3
        with: { path: output }''',
    "rust": '''use std::collections::HashMap;

#[derive(Debug, Clone)]
struct Post { title: String, words: usize }

fn main() {
    let posts = vec![Post { title: "회고".into(), words: 1200 }];
    let mut by_length: HashMap<bool, Vec<&Post>> = HashMap::new();
    for post in &posts {
        by_length.entry(post.words > 1000).or_default().push(post);
    }
    println!("{:?}", by_length.get(&true).map(|v| v.len()));
}''',
}


def code_block(rng):
    language = rng.choice(sorted(CODE))
    return f"```{language}\n{CODE[language]}\n```"


def body(rng, n):
    target = rng.randint(4000, 8000)
    parts = [paragraph(rng), code_block(rng)]
    size = len(parts[0].encode())
    while size < target:
        heading = rng.choice(HEADINGS)
        level = rng.choice(["##", "##", "###"])
        piece = f"{level} {heading}\n\n{block(rng, n)}\n\n{paragraph(rng)}"
        parts.append(piece)
        size += len(piece.encode())
    return "\n\n".join(parts) + "\n"


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 42
    rng = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    sitegen = os.path.join(out, "sitegen")
    plain = os.path.join(out, "sitegen-plain")
    hugo = os.path.join(out, "hugo")
    for root in (sitegen, plain, hugo):
        for kind in ("posts", "retrospectives"):
            os.makedirs(os.path.join(root, "content", kind))
    bodies = []
    for i in range(n):
        kind = "retrospectives" if i % 4 == 0 else "posts"
        year = 2015 + i % 10
        month = 1 + (i // 10) % 12
        day = 1 + (i // 120) % 28
        date = f"{year}-{month:02d}-{day:02d}"
        title = f"{rng.choice(KOREAN)} {rng.choice(ENGLISH)} {i} 회고" if kind == "retrospectives" else f"{sentence(rng)[:40]} {i}"
        tags = rng.sample(TAGS, rng.randint(1, 4))
        text = body(rng, i)
        bodies.append(text)
        slug = f"entry-{i}"
        title_yaml = title.replace('"', "'")
        front = f'---\ntitle: "{title_yaml}"\ndate: {date}\ntags: [{", ".join(tags)}]\n---\n\n'
        for root in (sitegen, plain):
            with open(os.path.join(root, "content", kind, f"{date}-{slug}.md"), "w") as f:
                f.write(front + text)
        hugo_front = f'---\ntitle: "{title_yaml}"\ndate: {date}\nslug: "{slug}"\ntags: [{", ".join(tags)}]\n---\n\n'
        with open(os.path.join(hugo, "content", kind, f"{date}-{slug}.md"), "w") as f:
            f.write(hugo_front + text)
    with open(os.path.join(out, "bodies.md"), "w") as f:
        f.write("\n".join(bodies))
    for root, extra in ((sitegen, ""), (plain, "highlight: false\n")):
        with open(os.path.join(root, "site.yml"), "w") as f:
            f.write("title: 벤치마크\nlanguage: ko\nbase_url: https://example.com/\nposts_per_page: 10\n" + extra)
    write_hugo_site(hugo)
    write_hugo_site(os.path.join(out, "hugo-lean"), lean=True)


def write_hugo_site(root, lean=False):
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "hugo.toml"), "w") as f:
        f.write(('contentDir = "../hugo/content"\n' if lean else '') +
                'baseURL = "https://example.com/"\nlanguageCode = "ko"\ntitle = "벤치마크"\n'
                'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n[pagination]\n  pagerSize = 10\n'
                '[markup.goldmark.renderer]\n  unsafe = true\n[markup.tableOfContents]\n  startLevel = 2\n  endLevel = 3\n'
                '[taxonomies]\n  tag = "tags"\n')
    layouts = os.path.join(root, "layouts", "_default")
    os.makedirs(layouts)
    base = ('<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><header><a href="/">{{ .Site.Title }}</a> <a href="/tags/">태그</a></header>'
            '<main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    single = ('{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>'
              '<ul>{{ range .Params.tags }}<li><a href="{{ "/tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>'
              '<nav class="toc">{{ .TableOfContents }}</nav><div>{{ .Content }}</div></article>{{ end }}\n')
    entries = ('{{ range .Paginator.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
               + ('' if lean else '<p>{{ .Summary }}</p>') + '</li>{{ end }}')
    list_ = '{{ define "main" }}<h1>{{ .Title }}</h1><ol>' + entries + '</ol>{{ end }}\n'
    terms = ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}'
             '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n')
    home = ('{{ define "main" }}<ol>{{ $p := .Paginate (where .Site.RegularPages "Type" "in" (slice "posts" "retrospectives")) }}'
            + entries + '</ol>{{ end }}\n')
    for name, text in (("baseof.html", base), ("single.html", single), ("list.html", list_), ("terms.html", terms)):
        with open(os.path.join(layouts, name), "w") as f:
            f.write(text)
    with open(os.path.join(root, "layouts", "index.html"), "w") as f:
        f.write(home)


if __name__ == "__main__":
    main()
