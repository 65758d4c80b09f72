// sitegen search: reads search.json once and matches every query word as a substring of the
// title, tags and text, so Korean finds words inside longer words (조사 and 어미 attached). No external script.
(function () {
  "use strict";
  const input = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  if (!input || !results) return;
  let entries = null;
  let loading = null;
  // Each keystroke starts a search; only the latest may fill the list (an earlier one can finish later).
  let latest = 0;
  const dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long", timeZone: "UTC" });

  const normalize = (text) => (text || "").normalize("NFC").toLowerCase();

  function load() {
    if (entries) return Promise.resolve(entries);
    if (loading) return loading;
    loading = fetch(input.dataset.index)
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
    return loading;
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

  /// Around the first match, with every query word marked (<mark>), built as nodes, never as HTML.
  function snippet(text, words) {
    const lower = normalize(text);
    const at = lower.indexOf(words[0]);
    const start = at < 0 ? 0 : Math.max(0, at - 40);
    const end = at < 0 ? Math.min(text.length, 120) : Math.min(text.length, at + 80);
    const nodes = [];
    if (start > 0) nodes.push(document.createTextNode("…"));
    let position = start;
    while (position < end) {
      let next = -1, length = 0;
      for (const word of words) {
        const found = lower.indexOf(word, position);
        if (found >= 0 && found < end && (next < 0 || found < next)) { next = found; length = word.length; }
      }
      if (next < 0) { nodes.push(document.createTextNode(text.slice(position, end))); break; }
      if (next > position) nodes.push(document.createTextNode(text.slice(position, next)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(next, Math.min(end, next + length));
      nodes.push(mark);
      position = next + length;
    }
    if (end < text.length) nodes.push(document.createTextNode("…"));
    return nodes;
  }

  function dateText(iso) {
    if (!iso) return "";
    const day = new Date(iso.slice(0, 10) + "T00:00:00Z");
    return isNaN(day) ? iso : dates.format(day);
  }

  function show(query) {
    const words = normalize(query).split(/\s+/).filter(Boolean);
    const search = ++latest;
    if (words.length === 0) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    load().then((all) => {
      if (search !== latest) return;
      results.replaceChildren();
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
        meta.textContent = [dateText(entry.date), (entry.tags || []).join(", ")].filter(Boolean).join(" · ");
        const text = document.createElement("p");
        text.className = "excerpt";
        text.append(...snippet(entry.text, words));
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
