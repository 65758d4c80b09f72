// Draws the math the Markdown stage marked: <span class="math inline">\(…\)</span> and
// <div class="math display">\[…\]</div>, with KaTeX (loaded just before this script).
document.querySelectorAll(".math").forEach(function (element) {
  var tex = element.textContent.trim();
  if (/^\\[\(\[]/.test(tex) && /\\[\)\]]$/.test(tex)) tex = tex.slice(2, -2);
  try {
    katex.render(tex, element, { displayMode: element.classList.contains("display"), throwOnError: false });
  } catch (error) {
    element.title = String(error);
  }
});
