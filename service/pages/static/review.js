// The review page: lists a source's proposed facts, highlights each in the text, and accepts,
// corrects or rejects them through the JSON API with the curator's key. The key lives in this
// tab's sessionStorage only: no cookie carries it, so no other site can make the browser use it.
"use strict";

(function () {
  const root = document.getElementById("review");
  if (!root) return;
  const source = root.dataset.source;
  const text = document.getElementById("article-text");
  const list = document.getElementById("proposals");
  const status = document.getElementById("review-status");
  const problems = document.getElementById("proposals-problem");
  const KEY = "growth-atlas-curator-key";
  const WORDS = { eq: "", gt: "more than", gte: "at least", lt: "less than", lte: "up to", approx: "about" };

  function key() {
    return sessionStorage.getItem(KEY);
  }

  function showKeyState() {
    document.getElementById("key-form").hidden = Boolean(key());
    document.getElementById("key-set").hidden = !key();
  }

  function say(message) {
    status.textContent = message;
  }

  // Calls the API; resolves with the parsed body, or throws the problem details it answered.
  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (key()) headers.Authorization = "Bearer " + key();
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      headers["Idempotency-Key"] = crypto.randomUUID();
    }
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit", cache: "no-store",
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      throw data && data.title ? data : { title: response.statusText, status: response.status, detail: "" };
    }
    return data;
  }

  function problemElement(problem) {
    const box = document.createElement("div");
    box.className = "problem";
    box.setAttribute("role", "alert");
    const head = document.createElement("p");
    head.textContent = `${problem.status || ""} ${problem.title}${problem.detail ? ": " + problem.detail : ""}`.trim();
    box.appendChild(head);
    if (Array.isArray(problem.errors) && problem.errors.length) {
      const items = document.createElement("ul");
      for (const error of problem.errors) {
        const item = document.createElement("li");
        item.textContent = `${error.name} (${error.location}): ${error.reason}`;
        items.appendChild(item);
      }
      box.appendChild(items);
    }
    return box;
  }

  // Wraps the code points [start, end) of the article text in marks, one per text node crossed.
  function highlight(start, end, make) {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    const marks = [];
    let offset = 0;
    for (const node of nodes) {
      const points = Array.from(node.data);
      const from = Math.max(start, offset), to = Math.min(end, offset + points.length);
      if (from < to) {
        const head = points.slice(0, from - offset).join("").length;
        const body = points.slice(from - offset, to - offset).join("").length;
        const middle = node.splitText(head);
        middle.splitText(body);
        const mark = make();
        middle.parentNode.replaceChild(mark, middle);
        mark.appendChild(middle);
        marks.push(mark);
      }
      offset += points.length;
    }
    return marks;
  }

  function field(label, name, value, type) {
    const wrap = document.createElement("label");
    wrap.textContent = label;
    const input = document.createElement("input");
    input.name = name;
    input.type = type || "text";
    if (type === "number") input.step = "any";
    input.value = value === null || value === undefined ? "" : String(value);
    wrap.appendChild(input);
    return wrap;
  }

  function subjectField(candidate) {
    const wrap = document.createElement("label");
    wrap.textContent = "Subject kind";
    const select = document.createElement("select");
    select.name = "subject_kind";
    for (const kind of ["region", "organization"]) {
      const option = new Option(kind, kind, false, candidate.subject.kind === kind);
      select.appendChild(option);
    }
    wrap.appendChild(select);
    return wrap;
  }

  function describe(candidate) {
    const bound = WORDS[candidate.comparator] || "";
    const value = candidate.value.toLocaleString("en") + " " + candidate.unit;
    return `${bound} ${value}`.trim();
  }

  // The proposal's fields, editable: what the curator changes is sent as a correction.
  function correctionFields(candidate) {
    const fields = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = `Correct proposal ${candidate.id} before accepting`;
    fields.append(
      legend,
      field("Indicator id", "indicator", candidate.indicator.id),
      subjectField(candidate),
      field("Subject id", "subject", candidate.subject.id),
      field("Period start", "period_start", candidate.period_start, "date"),
      field("Period end", "period_end", candidate.period_end, "date"),
      field("Period label", "period_label", candidate.period_label),
      field("Value (base units)", "value", candidate.value * candidate.unit_scale, "number"),
      field("Reason to reject", "reason", ""),
    );
    return fields;
  }

  function card(candidate, marks) {
    const item = document.createElement("li");
    item.className = "proposal-card";
    item.id = "proposal-" + candidate.id;
    const title = document.createElement("p");
    title.className = "said";
    title.textContent = `“${candidate.as_reported}”`;
    const about = document.createElement("p");
    about.className = "about";
    const indicator = candidate.indicator.id || `new indicator “${candidate.indicator.name}”`;
    const subject = candidate.subject.id || `new ${candidate.subject.kind} “${candidate.subject.name}”`;
    about.textContent = `${describe(candidate)} · ${indicator} · ${subject} · ${candidate.period_label || "no period"} · confidence ${candidate.confidence.toFixed(2)}`;
    const form = document.createElement("form");
    const buttons = document.createElement("div");
    buttons.className = "buttons";
    const accept = document.createElement("button");
    accept.type = "submit";
    accept.textContent = "Accept";
    const reject = document.createElement("button");
    reject.type = "button";
    reject.className = "danger";
    reject.textContent = "Reject";
    buttons.append(accept, reject);
    const outcome = document.createElement("div");
    outcome.className = "outcome-box";
    form.append(correctionFields(candidate), buttons);
    item.append(title, about, form, outcome);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      decide(candidate, item, marks, "accept", overrides(candidate, form));
    });
    reject.addEventListener("click", () => {
      const reason = form.elements.reason.value.trim() || "Not a fact worth keeping.";
      decide(candidate, item, marks, "reject", { reason });
    });
    return item;
  }

  // Only what the curator changed is sent: the API fills in the rest from the proposal.
  function overrides(candidate, form) {
    const changes = {};
    const value = (name) => form.elements[name].value.trim();
    if (value("indicator") && value("indicator") !== (candidate.indicator.id || "")) changes.indicator = value("indicator");
    const kind = form.elements.subject_kind.value;
    if (value("subject") && (value("subject") !== (candidate.subject.id || "") || kind !== candidate.subject.kind)) {
      changes[kind] = value("subject");
    }
    for (const name of ["period_start", "period_end", "period_label"]) {
      if (value(name) !== (candidate[name] || "")) changes[name] = value(name) || null;
    }
    const number = Number(value("value"));
    if (value("value") && number !== candidate.value * candidate.unit_scale) changes.value = number;
    return changes;
  }

  async function decide(candidate, item, marks, action, body) {
    const box = item.querySelector(".outcome-box");
    box.replaceChildren();
    if (!key()) {
      box.appendChild(problemElement({ title: "No key", detail: "Enter a curator key above first." }));
      document.getElementById("curator-key").focus();
      return;
    }
    for (const control of item.querySelectorAll("button, input, select")) control.disabled = true;
    try {
      const result = await api("POST", `/v1/candidates/${candidate.id}/${action}`, body);
      const done = action === "accept" ? "accepted" : "rejected";
      item.classList.add(done);
      for (const mark of marks) mark.classList.add(done);
      const note = document.createElement("p");
      note.className = "outcome";
      note.setAttribute("role", "status");
      if (action === "accept") {
        note.append("Accepted as ");
        const link = document.createElement("a");
        link.href = "/v1/observations/" + result.id;
        link.textContent = result.id;
        note.appendChild(link);
      } else {
        note.textContent = "Rejected: " + result.reason;
      }
      box.appendChild(note);
      // Decided: the corrections form has nothing left to do.
      item.querySelector("form").hidden = true;
      say(`Proposal ${candidate.id} ${done}.`);
    } catch (problem) {
      for (const control of item.querySelectorAll("button, input, select")) control.disabled = false;
      box.appendChild(problemElement(problem));
    }
  }

  async function load() {
    for (const mark of text.querySelectorAll("mark.proposal")) mark.replaceWith(...mark.childNodes);
    text.normalize();
    list.replaceChildren();
    problems.replaceChildren();
    say("Loading proposals…");
    const candidates = [];
    let path = `/v1/sources/${source}/candidates?status=proposed&limit=500`;
    try {
      for (;;) {
        const page = await api("GET", path);
        candidates.push(...page.items);
        if (!page.next_cursor) break;
        path = `/v1/sources/${source}/candidates?status=proposed&limit=500&cursor=${encodeURIComponent(page.next_cursor)}`;
      }
    } catch (problem) {
      say("");
      problems.replaceChildren(problemElement(problem));
      return;
    }
    for (const candidate of candidates) {
      const marks = highlight(candidate.start, candidate.end, () => {
        const mark = document.createElement("mark");
        mark.className = "proposal";
        mark.tabIndex = 0;
        mark.dataset.candidate = candidate.id;
        mark.title = `Proposal ${candidate.id}: press Enter to review it`;
        return mark;
      });
      list.appendChild(card(candidate, marks));
    }
    say(candidates.length ? `${candidates.length} proposals to review.` : "No proposals waiting for review.");
  }

  // A proposal in the text leads to its card: a click, or Enter on the focused highlight.
  text.addEventListener("click", (event) => openCard(event.target.closest("mark.proposal")));
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter") openCard(event.target.closest("mark.proposal"));
  });

  function openCard(mark) {
    if (!mark) return;
    const item = document.getElementById("proposal-" + mark.dataset.candidate);
    if (!item) return;
    item.scrollIntoView({ block: "center" });
    item.querySelector("input").focus();
  }

  document.getElementById("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = document.getElementById("curator-key");
    sessionStorage.setItem(KEY, input.value.trim());
    input.value = "";
    showKeyState();
    say("Key set for this tab.");
  });
  document.getElementById("forget-key").addEventListener("click", () => {
    sessionStorage.removeItem(KEY);
    showKeyState();
    say("Key forgotten.");
  });
  document.getElementById("extract").addEventListener("click", async () => {
    say("Reading the article…");
    try {
      const run = await api("POST", `/v1/sources/${source}/extractions`);
      say(`${run.summary.proposed} new proposals.`);
      await load();
    } catch (problem) {
      say("");
      problems.replaceChildren(problemElement(problem));
    }
  });

  showKeyState();
  load();
})();
