// A copy button on every code block; the line numbers stay out of what is copied.
(function () {
  var script = document.currentScript;
  var copyLabel = (script && script.dataset.copy) || "Copy";
  var copiedLabel = (script && script.dataset.copied) || "Copied";
  if (!navigator.clipboard) return;
  document.querySelectorAll("pre > code").forEach(function (code) {
    var pre = code.parentElement;
    if (pre.classList.contains("mermaid")) return;
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code-copy";
    button.textContent = copyLabel;
    button.addEventListener("click", function () {
      var copy = code.cloneNode(true);
      copy.querySelectorAll(".ln").forEach(function (number) { number.remove(); });
      navigator.clipboard.writeText(copy.textContent).then(function () {
        button.textContent = copiedLabel;
        setTimeout(function () { button.textContent = copyLabel; }, 1500);
      });
    });
    wrapper.appendChild(button);
  });
})();

// The header's light/dark toggle: the reader's choice over the browser's, kept for the next visit.
// Without JavaScript the button stays hidden and the page follows the browser.
(function () {
  const button = document.querySelector(".theme-toggle");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    const root = document.documentElement;
    const dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    root.dataset.theme = dark ? "light" : "dark";
    try { localStorage.setItem("sitegen-theme", root.dataset.theme); } catch (e) {}
  });
})();

// Reading progress: a thin bar at the top of a post or retrospective that fills as the text is read.
// Without JavaScript there is no bar.
(function () {
  const text = document.querySelector("article.entry .entry-content");
  if (!text) return;
  const bar = document.createElement("div");
  bar.className = "reading-progress";
  bar.setAttribute("aria-hidden", "true");
  document.body.prepend(bar);
  let queued = false;
  function update() {
    queued = false;
    const box = text.getBoundingClientRect();
    // Read when the end of the text reaches the bottom of the window.
    const span = box.height - window.innerHeight;
    const read = span <= 0 ? (box.bottom <= window.innerHeight ? 1 : 0) : Math.min(1, Math.max(0, -box.top / span));
    bar.style.transform = "scaleX(" + read + ")";
  }
  function queue() {
    if (!queued) { queued = true; requestAnimationFrame(update); }
  }
  addEventListener("scroll", queue, { passive: true });
  addEventListener("resize", queue);
  update();
})();
