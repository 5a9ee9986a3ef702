// Hovering or focusing a highlighted sentence shows its facts beside it. Without this script
// the same facts are listed after the article, and each highlight names them to assistive
// technology through aria-describedby.
"use strict";

(function () {
  const popup = document.getElementById("fact-popup");
  const text = document.getElementById("article-text");
  if (!popup || !text) return;
  let hideTimer = null;
  let current = null;

  function show(mark) {
    clearTimeout(hideTimer);
    if (current) current.classList.remove("active");
    current = mark;
    mark.classList.add("active");
    const list = document.createElement("ol");
    for (const key of mark.dataset.facts.split(" ")) {
      const card = document.getElementById("fact-" + key);
      if (!card) continue;
      const copy = card.cloneNode(true);
      copy.removeAttribute("id");
      // The list after the article holds the same links: one tab stop each is enough.
      for (const link of copy.querySelectorAll("a")) link.tabIndex = -1;
      list.appendChild(copy);
    }
    popup.replaceChildren(list);
    popup.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = popup.offsetWidth;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    popup.style.left = left + window.scrollX + "px";
    popup.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    // Long enough to move the pointer from the sentence into the popup and click its links.
    hideTimer = setTimeout(hide, 300);
  }

  function hide() {
    popup.hidden = true;
    if (current) current.classList.remove("active");
    current = null;
  }

  for (const mark of text.querySelectorAll("mark.fact")) {
    mark.addEventListener("mouseenter", () => show(mark));
    mark.addEventListener("focus", () => show(mark));
    mark.addEventListener("mouseleave", hideSoon);
    mark.addEventListener("blur", hideSoon);
  }
  popup.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  popup.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
})();
