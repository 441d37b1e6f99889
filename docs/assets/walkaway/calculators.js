// The page side of the calculators: find them, read their forms, ask the
// worker, put the returned HTML in place, keep the URL and saved inputs in
// step. No domain logic here: no arithmetic, no validation rules, no wording
// of results; all of that comes back from the Python package.
//
// One worker serves the whole visit: with Material's instant navigation this
// module runs once, and `document$` tells it about every new page.

const WORKER_URL = new URL("worker.js", import.meta.url);
const STORAGE_PREFIX = "walkaway:inputs:";
const RESULT_PREFIX = "walkaway:result:";
// A link's inputs are a few kilobytes at most; anything far longer was not
// made by this page.
const MAX_LINK_CHARS = 20_000;

const LIVE = "Live: the result updates as you type. Your numbers stay on this device.";
const LINK_NOTICE = "This link's numbers couldn't be used, so the calculator shows its example instead.";
const STOPPED = "The calculator stopped unexpectedly. Your numbers and the last result are still here: " +
  "change a number or try again to restart it.";

// ---------------------------------------------------------------- the worker

let worker = null;
let runtime = null; // promise of the "ready" reply
let nextId = 1;
const pending = new Map();
const progressListeners = new Set();
const mounted = new Set(); // the calculators on the current page, told when the worker dies

function canRunPython() {
  if (location.protocol === "file:") {
    return "This page was opened from a file, and browsers don't run the calculators' Python from files.";
  }
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return "This browser can't run WebAssembly in a worker, which the calculators need.";
  }
  return "";
}

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

function getWorker() {
  if (worker) return worker;
  worker = new Worker(WORKER_URL, { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") {
      for (const listener of progressListeners) listener(data);
      return;
    }
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if (data.type === "error") request.reject(new Error(data.message));
    else request.resolve(data);
  };
  // The worker failed to start or threw outside any request: start afresh on
  // the next request, and tell the calculators so they can say so.
  worker.onerror = (event) => {
    event.preventDefault();
    stopWorker("the calculator stopped unexpectedly");
    for (const calculator of mounted) {
      if (calculator.root.isConnected) calculator.stopped();
      else mounted.delete(calculator);
    }
  };
  return worker;
}

function stopWorker(message) {
  worker?.terminate();
  worker = null;
  runtime = null;
  failAll(message);
}

function ask(message) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ ...message, id });
  });
}

function loadRuntime() {
  if (!runtime) {
    const loading = getWorker();
    runtime = ask({ type: "load" }).catch((error) => {
      // A runtime that failed half-way can't be trusted to load again in the
      // same worker: the next attempt starts a fresh one.
      if (worker === loading) stopWorker("the calculator couldn't load");
      throw error;
    });
  }
  return runtime;
}

// ------------------------------------------------------- inputs as plain data

function setPath(target, path, value) {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = target;
  keys.forEach((key, i) => {
    const slot = /^\d+$/.test(key) ? Number(key) : key;
    if (i === keys.length - 1) {
      node[slot] = value;
    } else {
      node[slot] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[slot];
    }
  });
}

function getPath(source, path) {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  return keys.reduce((node, key) => (node == null ? undefined : node[key]), source);
}

function readForm(form) {
  const inputs = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    setPath(inputs, element.name, element.type === "checkbox" ? element.checked : element.value);
  }
  return inputs;
}

function flatten(value, path = "", out = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, out);
  } else {
    out.push([path, value]);
  }
  return out;
}

// Whether the form now holds exactly what `inputs` asked for: every value names
// one of its fields and has that field's kind (yes/no for a checkbox, text or a
// plain number for a box). Inputs that don't fit were not made by this page.
function fitsForm(form, inputs) {
  const shown = new Map(flatten(readForm(form)));
  return flatten(inputs).every(([path, value]) => {
    if (!shown.has(path)) return false;
    const field = shown.get(path);
    if (typeof value === "boolean") return field === value;
    if (typeof value === "number") return Number.isFinite(value) && field === String(value);
    return typeof value === "string" && field === value;
  });
}

function writeForm(form, inputs) {
  for (const group of form.querySelectorAll(".wa-group")) {
    const items = getPath(inputs, group.dataset.group);
    if (!Array.isArray(items)) continue;
    const wanted = Math.min(Math.max(items.length, Number(group.dataset.min)), Number(group.dataset.max));
    while (group.querySelectorAll(".wa-item").length > wanted) group.querySelector(".wa-item:last-child").remove();
    while (group.querySelectorAll(".wa-item").length < wanted) addItem(group);
  }
  for (const element of form.elements) {
    if (!element.name) continue;
    const value = getPath(inputs, element.name);
    if (value === undefined) continue;
    if (element.type === "checkbox") element.checked = value === true || value === "on" || value === "true";
    else element.value = value == null ? "" : String(value);
  }
}

// ------------------------------------------------ saved inputs and the address

function encode(inputs) {
  const bytes = new TextEncoder().encode(JSON.stringify(inputs));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const inputs = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) throw new Error("not an object");
  return inputs;
}

// Inputs live in the fragment (#walk=...), which browsers never send to a server.
// A plain heading anchor (#section) carries no value and is dropped once a
// calculator writes its inputs.
function hashParams() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  return params;
}

function linkTo(params) {
  const hash = params.toString();
  return location.pathname + location.search + (hash ? `#${hash}` : "");
}

function writeHash(name, inputs) {
  const params = hashParams();
  if (inputs) params.set(name, encode(inputs));
  else params.delete(name);
  history.replaceState(history.state, "", linkTo(params));
}

const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Storage full or disabled: the address still holds the inputs.
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing saved to remove.
    }
  },
  clearAll() {
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith("walkaway:")) localStorage.removeItem(key);
      }
    } catch {
      // Storage disabled: nothing was saved.
    }
  },
};

// ------------------------------------------------------------ repeated groups

function renumber(group) {
  const name = group.dataset.group;
  group.querySelectorAll(".wa-item").forEach((item, index) => {
    const old = item.dataset.index;
    if (old === String(index)) return;
    item.dataset.index = String(index);
    const swap = (value) =>
      value
        .replaceAll(`${name}[${old}]`, `${name}[${index}]`)
        .replaceAll(`-${name}-${old}-`, `-${name}-${index}-`);
    for (const element of item.querySelectorAll("[name],[id],[for],[aria-describedby],[list],[data-field]")) {
      for (const attribute of ["name", "id", "for", "aria-describedby", "list", "data-field"]) {
        if (element.hasAttribute(attribute)) element.setAttribute(attribute, swap(element.getAttribute(attribute)));
      }
    }
    for (const number of item.querySelectorAll(".wa-item-number")) number.textContent = String(index + 1);
  });
  const count = group.querySelectorAll(".wa-item").length;
  group.querySelector(".wa-add").disabled = count >= Number(group.dataset.max);
  for (const button of group.querySelectorAll(".wa-remove")) button.disabled = count <= Number(group.dataset.min);
}

function addItem(group) {
  const items = group.querySelector(".wa-items");
  const index = items.querySelectorAll(".wa-item").length;
  const html = group
    .querySelector("template.wa-template")
    .innerHTML.replaceAll("__INDEX__", String(index))
    .replaceAll("__NUMBER__", String(index + 1));
  items.insertAdjacentHTML("beforeend", html);
  renumber(group);
  return items.lastElementChild;
}

// ---------------------------------------------------------------- one calculator

class Calculator {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    this.form = root.querySelector("form.wa-form");
    this.output = root.querySelector(".wa-output");
    this.status = root.querySelector(".wa-status");
    this.pristine = { form: this.form.innerHTML, output: this.output.innerHTML, inputs: readForm(this.form) };
    this.good = this.pristine.inputs; // the inputs behind the result shown
    this.inFlight = false; // a request is on its way to the worker
    this.queued = false; // the form changed while it was: send the newest inputs next
    this.sequence = 0;
    this.started = false;
    this.dirty = false;
    this.fromLink = false;
    this.problem = canRunPython();
  }

  mount() {
    mounted.add(this);
    // Without Python the result can't follow restored numbers: keep the example whole.
    if (!this.problem) this.restore();
    this.form.addEventListener("input", () => this.schedule());
    this.form.addEventListener("change", (event) => {
      if (event.target.classList.contains("wa-currency")) this.showCurrency();
      this.schedule();
    });
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.root.addEventListener("focusin", () => this.start(), { once: true });
    this.root.addEventListener("click", (event) => this.click(event));
    for (const group of this.form.querySelectorAll(".wa-group")) renumber(group);
    this.showCurrency();
    this.offerFills();
    if (this.problem) {
      this.say(`${this.problem} The result below is a worked example for the numbers shown. ` +
        "To use the calculators, serve the site (make serve) and open http://127.0.0.1:8000/.", "unavailable");
      return;
    }
    if (this.dirty) {
      this.say("Your numbers are back; the result below updates once the calculator has loaded.", "idle");
    } else {
      this.say("Worked example for the numbers shown. Change any of them and the result " +
        "recomputes here, in your browser.", "idle");
    }
    if ("IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          this.start();
        }
      });
      observer.observe(this.root);
    } else {
      this.start();
    }
  }

  // Inputs from the address (a shared link) or, failing that, saved in this
  // browser. Anything this page could not have written leaves the example in
  // place; a link says so, saved inputs are quietly forgotten.
  restore() {
    const fromHash = hashParams().get(this.name);
    const text = fromHash ?? storage.get(STORAGE_PREFIX + this.name);
    if (!text) return;
    let inputs = null;
    try {
      if (text.length > MAX_LINK_CHARS) throw new Error("too long");
      inputs = decode(text);
      writeForm(this.form, inputs);
      if (!fitsForm(this.form, inputs)) throw new Error("not this calculator's inputs");
    } catch {
      this.reset();
      if (fromHash) {
        writeHash(this.name, null);
        this.notify(LINK_NOTICE);
      } else {
        storage.remove(STORAGE_PREFIX + this.name);
      }
      return;
    }
    // The result shown is the example's until these inputs are computed.
    this.dirty = true;
    this.fromLink = Boolean(fromHash);
    this.root.classList.add("wa-stale");
  }

  // Back to the example the page was built with: its form and its result.
  reset() {
    this.form.innerHTML = this.pristine.form;
    this.output.innerHTML = this.pristine.output;
    this.root.classList.remove("wa-stale");
    this.dirty = false;
    this.fromLink = false;
    this.good = this.pristine.inputs;
    for (const group of this.form.querySelectorAll(".wa-group")) renumber(group);
    this.showCurrency();
    this.offerFills();
  }

  // A notice that stays until the reader changes something (the status line
  // below it changes as the calculator loads).
  notify(message) {
    let notice = this.root.querySelector(".wa-notice");
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "wa-notice";
      notice.setAttribute("role", "status");
      this.status.before(notice);
    }
    notice.textContent = message;
    notice.hidden = !message;
  }

  say(message, state, { retry = false } = {}) {
    this.root.dataset.state = state;
    this.status.replaceChildren();
    const text = document.createElement("span");
    text.textContent = message;
    this.status.append(text);
    if (state === "loading") {
      const bar = document.createElement("progress");
      bar.max = 3;
      bar.value = this.step ?? 0;
      bar.setAttribute("aria-label", "Loading the calculator");
      this.status.append(bar);
    }
    if (retry) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button wa-retry";
      button.textContent = "Try again";
      this.status.append(button);
    }
  }

  async start() {
    if (this.started || this.problem) return;
    this.started = true;
    const stages = {
      runtime: "Loading Python into your browser",
      package: "Loading the calculators",
      import: "Starting the calculators",
    };
    const listener = ({ stage, step }) => {
      this.step = step;
      this.say(`${stages[stage] ?? "Loading"}… (step ${step} of 3)`, "loading");
    };
    progressListeners.add(listener);
    this.say("Loading the calculator… it runs here in your browser, and nothing you type leaves it.", "loading");
    try {
      await loadRuntime();
    } catch {
      this.cannotLoad();
      return;
    } finally {
      progressListeners.delete(listener);
    }
    this.say(LIVE, "live");
    if (this.dirty) await this.compute();
  }

  cannotLoad() {
    this.started = false;
    const result = this.root.classList.contains("wa-stale")
      ? "The result below is for the last numbers that worked out, not the ones in the form."
      : "The result below is still correct for the numbers it shows.";
    this.say(`The calculator couldn't load, so it can't recompute yet. ${result} ` +
      "Check your connection and try again.", "failed", { retry: true });
  }

  // The reader changed something: recompute now if the worker is free;
  // otherwise remember it, and the answer in flight sends the newest inputs
  // as soon as it lands (edits coalesce, the worker never queues up). The
  // result region is busy (aria-busy) from the edit until its answer is in place.
  schedule() {
    this.dirty = true;
    this.fromLink = false;
    this.notify("");
    if (this.problem) return;
    this.output.setAttribute("aria-busy", "true");
    if (!this.started) this.start();
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    this.compute();
  }

  settled(sequence) {
    if (sequence === this.sequence && !this.queued) this.output.removeAttribute("aria-busy");
  }

  async compute() {
    if (this.problem) return;
    this.inFlight = true;
    try {
      await this.computeOnce();
    } finally {
      this.inFlight = false;
      if (this.queued) {
        this.queued = false;
        this.compute();
      }
    }
  }

  async computeOnce() {
    const sequence = ++this.sequence;
    const inputs = readForm(this.form);
    const currency = this.form.querySelector(".wa-currency")?.value ?? "USD";
    this.output.setAttribute("aria-busy", "true");
    let reply;
    try {
      await loadRuntime();
    } catch {
      if (sequence !== this.sequence) return;
      this.root.classList.add("wa-stale");
      this.cannotLoad();
      this.settled(sequence);
      return;
    }
    try {
      reply = await ask({ type: "compute", calculator: this.name, inputs, currency });
    } catch {
      if (sequence !== this.sequence) return;
      this.started = false;
      this.root.classList.add("wa-stale");
      this.say(STOPPED, "failed", { retry: true });
      this.settled(sequence);
      return;
    }
    if (sequence !== this.sequence) return; // a newer edit is on its way
    const { answer } = reply;
    if (!answer.ok && this.fromLink) {
      // A link whose numbers don't compute: show the example, not a page of errors.
      this.reset();
      writeHash(this.name, null);
      this.notify(LINK_NOTICE);
      this.say(LIVE, "live");
      this.settled(sequence);
      return;
    }
    this.fromLink = false;
    this.showErrors(answer.ok ? [] : answer.errors);
    if (answer.ok) {
      // Only inputs that compute are kept, so a reload or a link always works.
      this.good = inputs;
      storage.set(STORAGE_PREFIX + this.name, encode(inputs));
      writeHash(this.name, inputs);
      this.output.innerHTML = answer.html;
      letTablesScroll(this.output);
      this.root.classList.remove("wa-stale");
      storage.set(RESULT_PREFIX + this.name, JSON.stringify(answer.result));
      this.say(LIVE, "live");
    } else {
      this.root.classList.add("wa-stale");
      this.say("Fix the marked field and the result will update; until then it shows your last good numbers.", "stale");
    }
    this.settled(sequence);
  }

  // The worker died outside a request: say so if this calculator was using it.
  stopped() {
    if (!this.started) return;
    this.started = false;
    this.say(STOPPED, "failed", { retry: true });
  }

  showErrors(errors) {
    for (const field of this.form.querySelectorAll(".wa-field")) {
      const slot = field.querySelector(".wa-error");
      slot.hidden = true;
      slot.textContent = "";
      field.querySelector("input,select")?.removeAttribute("aria-invalid");
    }
    const general = [];
    for (const { field, message } of errors) {
      const holder = field ? this.form.querySelector(`.wa-field[data-field="${CSS.escape(field)}"]`) : null;
      if (!holder) {
        general.push(message);
        continue;
      }
      const slot = holder.querySelector(".wa-error");
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      slot.hidden = false;
      holder.querySelector("input,select")?.setAttribute("aria-invalid", "true");
    }
    const summary = this.root.querySelector(".wa-form-errors") ?? document.createElement("p");
    summary.className = "wa-form-errors";
    summary.textContent = general.join(" ");
    summary.hidden = general.length === 0;
    if (!summary.isConnected) this.form.prepend(summary);
  }

  showCurrency() {
    const option = this.form.querySelector(".wa-currency")?.selectedOptions[0];
    if (!option) return;
    for (const unit of this.form.querySelectorAll(".wa-unit--money")) unit.textContent = option.dataset.symbol;
  }

  offerFills() {
    for (const button of this.form.querySelectorAll(".wa-fill")) {
      const [source, key] = button.dataset.fillFrom.split(".");
      let value;
      try {
        value = JSON.parse(storage.get(RESULT_PREFIX + source) ?? "null")?.[key];
      } catch {
        storage.remove(RESULT_PREFIX + source); // not something this page saved
      }
      button.hidden = typeof value !== "number";
      button.dataset.value = typeof value === "number" ? String(value) : "";
      const slot = button.querySelector(".wa-fill-value");
      if (slot) slot.textContent = button.dataset.value;
    }
  }

  async click(event) {
    const button = event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    if (button.classList.contains("wa-add")) {
      const group = button.closest(".wa-group");
      addItem(group).querySelector("input")?.focus();
      this.schedule();
    } else if (button.classList.contains("wa-remove")) {
      const group = button.closest(".wa-group");
      button.closest(".wa-item").remove();
      renumber(group);
      group.querySelector(".wa-item:last-child input")?.focus();
      this.schedule();
    } else if (button.classList.contains("wa-clear")) {
      // Forget every calculator's numbers, not only this one's: that is what
      // a reader asking to clear "my numbers" expects.
      storage.clearAll();
      for (const name of hashParams().keys()) writeHash(name, null);
      this.queued = false;
      this.sequence += 1; // an answer still on its way is for numbers that are gone
      this.output.removeAttribute("aria-busy");
      this.reset();
      this.notify("");
      this.say("Cleared: nothing of yours is saved in this browser now. The example numbers are back.", "cleared");
    } else if (button.classList.contains("wa-share")) {
      // While a field shows an error, the link carries the numbers behind the
      // result shown: a link always opens on a result.
      const broken = this.root.dataset.state === "stale";
      const params = new URLSearchParams({ [this.name]: encode(broken ? this.good : readForm(this.form)) });
      await this.copy(new URL(linkTo(params), location.href).href, button,
        broken ? "Link copied, with your last numbers that worked" : "Link copied");
    } else if (button.classList.contains("wa-copy")) {
      const script = button.nextElementSibling?.matches(".wa-script")
        ? button.nextElementSibling
        : button.parentElement.querySelector(".wa-script");
      if (script) await this.copy(script.textContent, button, "Copied");
    } else if (button.classList.contains("wa-retry")) {
      // Starting again recomputes whatever the reader changed meanwhile.
      this.started = false;
      await this.start();
    } else if (button.classList.contains("wa-fill")) {
      const field = this.form.querySelector(`[name="${CSS.escape(button.dataset.fillName)}"]`);
      if (field) {
        field.value = button.dataset.value;
        this.schedule();
      }
    }
  }

  async copy(text, button, done) {
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = done;
    } catch {
      button.textContent = "Select and copy by hand";
    }
    setTimeout(() => {
      button.textContent = label;
    }, 2000);
  }
}

// ------------------------------------------------------------ wide tables

// Wide tables (the guide's and the results') scroll sideways inside Material's
// wrapper. A wrapper that scrolls must take the keyboard focus, or it can only
// be scrolled with a mouse or a finger; one that fits stays out of the way.
function letTablesScroll(container = document) {
  for (const wrapper of container.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      if (wrapper.hasAttribute("tabindex")) continue;
      const caption = wrapper.querySelector("caption")?.textContent.trim();
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", `${caption || "Table"} (scrolls sideways)`);
    } else if (wrapper.hasAttribute("tabindex")) {
      for (const attribute of ["tabindex", "role", "aria-label"]) wrapper.removeAttribute(attribute);
    }
  }
}

let resizing = 0;
addEventListener("resize", () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(() => letTablesScroll());
});

// ---------------------------------------------------------------- mounting

function mountAll() {
  for (const calculator of mounted) if (!calculator.root.isConnected) mounted.delete(calculator);
  for (const root of document.querySelectorAll(".wa-calc:not([data-mounted])")) {
    root.dataset.mounted = "true";
    new Calculator(root).mount();
  }
  // After Material has wrapped this page's tables.
  requestAnimationFrame(() => letTablesScroll());
}

// Material's instant navigation announces each new page on document$; without
// it (or before it is ready) mount once the document has loaded.
if (typeof document$ !== "undefined") {
  document$.subscribe(mountAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll);
} else {
  mountAll();
}
