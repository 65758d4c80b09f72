// sitegen search: every query word is matched as a substring of the title, tags and text, so Korean
// finds words inside longer words (조사 and 어미 attached). The index is split (see the build's
// SearchIndex.swift): a query loads the shards of its words' one- and two-character grams, then
// the entries of the results it shows, ten at a time. No external script.
(function () {
  "use strict";
  const input = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const more = document.getElementById("search-more");
  if (!input || !results) return;
  const base = input.dataset.index;
  const pageSize = 10;
  // Each keystroke starts a search; only the latest may fill the list (an earlier one can finish later).
  let latest = 0;
  let meta = null;
  const shards = new Map();
  const entries = new Map();
  const dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long", timeZone: "UTC" });

  const normalize = (text) => (text || "").normalize("NFC").toLowerCase();
  const fetchJSON = (path) => fetch(base + path).then((response) => {
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  });
  const once = (cache, key, load) => {
    if (!cache.has(key)) cache.set(key, load().catch((error) => { cache.delete(key); throw error; }));
    return cache.get(key);
  };

  function loadMeta() {
    if (!meta) meta = fetchJSON("meta.json").catch((error) => { meta = null; throw error; });
    return meta;
  }

  // FNV-1a over the gram's code points, as the build computes it.
  function shardOf(gram, count) {
    let hash = 2166136261;
    for (const character of gram) {
      hash ^= character.codePointAt(0);
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return hash % count;
  }

  const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const VALUE = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;
  // A gram's documents: number → where it is (1 title, 2 tags, 4 text).
  function decode(text) {
    const found = new Map();
    let number = -1, value = 0, shift = 0;
    for (let i = 0; i < text.length; i++) {
      const digit = VALUE[text.charCodeAt(i)];
      value += (digit & 31) * 2 ** shift;
      if (digit >= 32) { shift += 5; continue; }
      number += Math.floor(value / 8);
      found.set(number, value % 8);
      value = 0;
      shift = 0;
    }
    return found;
  }

  // The grams a word is made of: itself when one character, else each pair of neighbours.
  function gramsOf(word) {
    const characters = Array.from(word);
    if (characters.length === 1) return characters;
    const grams = new Set();
    for (let i = 0; i + 1 < characters.length; i++) grams.add(characters[i] + characters[i + 1]);
    return [...grams];
  }

  const shardWith = (gram, count) => {
    const number = shardOf(gram, count);
    return once(shards, number, () => fetchJSON("g/" + number + ".json"));
  };

  // The documents that hold every gram of the word, with the fields that hold them all.
  async function documentsWith(word, count) {
    let found = null;
    const grams = gramsOf(word);
    const loaded = await Promise.all(grams.map((gram) => shardWith(gram, count)));
    for (let i = 0; i < grams.length; i++) {
      const holding = decode(loaded[i][grams[i]] || "");
      if (found === null) { found = holding; continue; }
      const both = new Map();
      for (const [number, fields] of found) {
        const together = fields & (holding.get(number) || 0);
        if (together) both.set(number, together);
      }
      found = both;
      if (found.size === 0) break;
    }
    return found || new Map();
  }

  const points = (fields) => (fields & 1 ? 10 : 0) + (fields & 2 ? 5 : 0) + (fields & 4 ? 1 : 0);

  // Matches scored as before the index was split: per word 10 in the title, 5 in the tags, 1 in the
  // text; equal scores newest first (the documents are numbered so).
  async function matches(words) {
    const { shards: count } = await loadMeta();
    // Every shard the query needs, fetched at once.
    await Promise.all(words.flatMap(gramsOf).map((gram) => shardWith(gram, count)));
    let scores = null;
    for (const word of words) {
      const found = await documentsWith(word, count);
      const next = new Map();
      for (const [number, fields] of found) {
        if (scores === null || scores.has(number)) next.set(number, (scores ? scores.get(number) : 0) + points(fields));
      }
      scores = next;
      if (scores.size === 0) break;
    }
    return [...(scores || new Map())].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([number]) => number);
  }

  const entry = (number) => once(entries, number, () => fetchJSON("d/" + number + ".json"));

  // A word of three or more characters can have all its grams and not be there: read to be sure.
  function holdsAll(item, words) {
    const fields = [normalize(item.title), normalize((item.tags || []).join(" ")), normalize(item.text)];
    return words.every((word) => fields.some((field) => field.includes(word)));
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

  function item(found, words) {
    const li = document.createElement("li");
    li.className = "entry-summary";
    const h2 = document.createElement("h2");
    const a = document.createElement("a");
    a.href = found.url;
    a.textContent = found.title;
    h2.append(a);
    const meta = document.createElement("p");
    meta.className = "entry-meta";
    meta.textContent = [dateText(found.date), (found.tags || []).join(", ")].filter(Boolean).join(" · ");
    const text = document.createElement("p");
    text.className = "excerpt";
    text.append(...snippet(found.text, words));
    li.append(h2, meta, text);
    return li;
  }

  // Shows the next results of `ranked` from `from` on, up to ten that hold every word.
  async function showFrom(ranked, from, words, search, counted) {
    let shown = 0, next = from;
    let count = counted;
    while (shown < pageSize && next < ranked.length) {
      const batch = ranked.slice(next, next + pageSize - shown);
      next += batch.length;
      const loaded = await Promise.all(batch.map(entry));
      if (search !== latest) return;
      for (const found of loaded) {
        if (holdsAll(found, words)) { results.append(item(found, words)); shown++; } else { count--; }
      }
    }
    status.textContent = count === 0 ? input.dataset.empty : String(count);
    if (more) {
      more.hidden = next >= ranked.length;
      more.onclick = () => showFrom(ranked, next, words, search, count);
    }
  }

  async function show(query) {
    const words = [...new Set(normalize(query).split(/\s+/).filter(Boolean))];
    const search = ++latest;
    if (more) more.hidden = true;
    if (words.length === 0) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    let ranked;
    try {
      ranked = await matches(words);
    } catch (error) {
      if (search === latest) status.textContent = String(error.message || error);
      return;
    }
    if (search !== latest) return;
    results.replaceChildren();
    if (ranked.length === 0) { status.textContent = input.dataset.empty; return; }
    await showFrom(ranked, 0, words, search, ranked.length);
  }

  input.addEventListener("input", () => show(input.value));
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();
