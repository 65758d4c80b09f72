// sitegen search: reads search.json once and matches every query word as a substring of the
// title, tags and text, so Korean finds words inside longer words (조사 and 어미 attached). No external script.
(function () {
  "use strict";
  const input = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  if (!input || !results) return;
  let entries = null;

  const normalize = (text) => (text || "").normalize("NFC").toLowerCase();

  function load() {
    if (entries) return Promise.resolve(entries);
    return fetch(input.dataset.index)
      .then((response) => response.json())
      .then((data) => {
        entries = data.map((entry) => ({
          entry,
          title: normalize(entry.title),
          tags: normalize((entry.tags || []).join(" ")),
          text: normalize(entry.text),
        }));
        return entries;
      });
  }

  function score(item, words) {
    let total = 0;
    for (const word of words) {
      const inTitle = item.title.includes(word);
      const inTags = item.tags.includes(word);
      const inText = item.text.includes(word);
      if (!inTitle && !inTags && !inText) return 0;
      total += (inTitle ? 10 : 0) + (inTags ? 5 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function snippet(text, word) {
    const at = normalize(text).indexOf(word);
    if (at < 0) return text.slice(0, 120);
    const start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, at + 80) + (at + 80 < text.length ? "…" : "");
  }

  function show(query) {
    const words = normalize(query).split(/\s+/).filter(Boolean);
    results.replaceChildren();
    if (words.length === 0) {
      status.textContent = "";
      return;
    }
    load().then((all) => {
      const found = all
        .map((item) => ({ item, score: score(item, words) }))
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score || (b.item.entry.date || "").localeCompare(a.item.entry.date || ""))
        .slice(0, 50);
      status.textContent = found.length === 0 ? input.dataset.empty : String(found.length);
      for (const hit of found) {
        const entry = hit.item.entry;
        const li = document.createElement("li");
        li.className = "entry-summary";
        const h2 = document.createElement("h2");
        const a = document.createElement("a");
        a.href = entry.url;
        a.textContent = entry.title;
        h2.append(a);
        const meta = document.createElement("p");
        meta.className = "entry-meta";
        meta.textContent = [entry.date, (entry.tags || []).join(", ")].filter(Boolean).join(" · ");
        const text = document.createElement("p");
        text.className = "excerpt";
        text.textContent = snippet(entry.text, words[0]);
        li.append(h2, meta, text);
        results.append(li);
      }
    });
  }

  input.addEventListener("input", () => show(input.value));
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();
