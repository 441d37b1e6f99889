// One calculator on the page: starts the worker when it is seen or touched,
// sends the form's inputs as they change, and puts the returned HTML in place,
// keeping the address and saved inputs in step. Every number and word of a
// result, and every validation rule, comes from the worker.

import { actions } from "./actions.js";
import {
  decode,
  dropLink,
  forgetSavedInputs,
  keepInputs,
  keepResult,
  keepSavedInputs,
  linkedInputs,
  savedInputs,
  savedResult,
  timesForgotten,
} from "./address.js";
import * as client from "./client.js";
import { fitsForm, readForm, renumberAll, writeForm } from "./form-state.js";
import { morph } from "./morph.js";
import { fillFromPlan, offerOffers } from "./plan.js";
import { letTablesScroll } from "./tables.js";
import {
  MESSAGES, announce, forgetAnnounced, notify, offerFills, say as sayStatus, showCurrency, showErrors, showReadAs,
} from "./status.js";

// How long after the last answer a screen reader hears it: a reader typing a
// number hears its result once, when they pause, not at every keystroke.
const PAUSE_MS = 1000;

// Run `work` once the page has painted what it just changed (after the next
// frame), or within a tenth of a second where no frame comes (a hidden page).
function afterPaint(work) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100);
}

export class Calculator {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    this.form = root.querySelector("form.wa-form");
    this.output = root.querySelector(".wa-output");
    this.pristine = { form: this.form.innerHTML, output: this.output.innerHTML, inputs: readForm(this.form) };
    this.good = this.pristine.inputs; // the inputs behind the result shown
    this.inFlight = false; // a request is on its way to the worker
    this.queued = false; // the form changed while it was: send the newest inputs next
    this.sequence = 0;
    this.started = false;
    this.dirty = false;
    this.fromLink = false;
    this.fromPlan = false; // the form holds the plan's numbers (plan.js), not yet edited here
    // Whether inputs that compute are kept (saved, and in the address): not while
    // they are only the example's or the plan's, which the reader hasn't touched.
    this.keeping = false;
    this.step = undefined; // the last loading step the worker reported
    this.problem = client.pythonProblem();
    this.pending = undefined; // the announcement waiting for the reader to pause
    this.toKeep = null; // inputs that computed, and their result, waiting to be kept
  }

  mount() {
    // Without Python the result can't follow restored numbers: keep the example whole.
    if (!this.problem) this.restore();
    // Every control fires "input" when its value changes (a text box on each
    // keystroke, a select or a checkbox once). Not "change" too: a text box
    // fires that again on blur, and recomputing then would replace the result
    // under a click that moved the focus (on its copy button, say).
    this.form.addEventListener("input", (event) => {
      if (event.target.classList.contains("wa-currency")) showCurrency(this.form);
      this.schedule();
    });
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.root.addEventListener("focusin", () => this.start(), { once: true });
    this.root.addEventListener("click", (event) => this.click(event));
    addEventListener("pagehide", () => this.keepNow());
    renumberAll(this.form);
    showCurrency(this.form);
    offerFills(this.form);
    if (this.keeping && !this.fromLink) offerOffers(this, savedResult(this.name));
    if (this.problem) {
      this.say(MESSAGES.unavailable(this.problem), "unavailable");
      return;
    }
    this.say(this.keeping || this.fromPlan ? MESSAGES.restored : MESSAGES.example, "idle");
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
  // browser, or failing both, the plan's (plan.js). Anything this page could
  // not have written leaves the example in place; a link says so, saved inputs
  // are quietly forgotten.
  restore() {
    const fromLink = linkedInputs(this.name);
    const text = fromLink ?? savedInputs(this.name);
    if (!text) {
      this.startFromPlan();
      this.fillToday();
      return;
    }
    let inputs;
    try {
      inputs = decode(text);
      writeForm(this.form, inputs);
      if (!fitsForm(this.form, inputs)) throw new Error("not this calculator's inputs");
    } catch {
      this.reset();
      if (fromLink) {
        dropLink(this.name);
        notify(this.root, MESSAGES.linkNotice);
      } else {
        forgetSavedInputs(this.name);
      }
      return;
    }
    // The result shown is the example's until these inputs are computed.
    this.dirty = true;
    this.fromLink = Boolean(fromLink);
    this.keeping = true;
    this.root.classList.add("wa-stale");
    this.fillToday(inputs);
  }

  // The plan's numbers, in the fields this calculator shares with it, said so.
  startFromPlan() {
    if (!fillFromPlan(this.form, this.name)) return;
    this.dirty = true;
    this.fromPlan = true;
    this.root.classList.add("wa-stale");
    notify(this.root, MESSAGES.fromPlan, { example: true });
  }

  // A date field that starts from today (data-today) gets the reader's own
  // date while it holds the example's or nothing; never over a date the reader
  // typed or restored (named in `kept`). Returns whether it changed the form.
  fillToday(kept = {}) {
    const now = new Date();
    const two = (n) => String(n).padStart(2, "0");
    const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
    let changed = false;
    for (const field of this.form.querySelectorAll("input[data-today]")) {
      if (Object.hasOwn(kept ?? {}, field.name) && kept[field.name] !== "") continue;
      if ((field.value !== "" && field.value !== field.defaultValue) || field.value === today) continue;
      field.value = today;
      changed = true;
    }
    if (changed) {
      this.dirty = true;
      this.root.classList.add("wa-stale");
    }
    return changed;
  }

  // Inputs that computed are kept (saved, and in the address, so a reload or a
  // link always works) once their answer is on screen: writing the address
  // takes milliseconds that an answer to a keystroke shouldn't wait for. Typing
  // fast, only the newest numbers are written.
  keepLater(inputs, result) {
    const waiting = this.toKeep;
    this.toKeep = { inputs, result, forgotten: timesForgotten() };
    if (!waiting) afterPaint(() => this.keepNow());
  }

  keepNow() {
    if (!this.toKeep) return;
    const { inputs, result, forgotten } = this.toKeep;
    this.toKeep = null;
    if (forgotten !== timesForgotten()) return; // the reader cleared every number since
    // After instant navigation the address is another page's: save only.
    if (this.root.isConnected) keepInputs(this.name, inputs);
    else keepSavedInputs(this.name, inputs);
    keepResult(this.name, result);
  }

  // Back to the example the page was built with: its form and its result.
  reset() {
    this.toKeep = null; // numbers no longer shown are not kept
    this.form.innerHTML = this.pristine.form;
    this.output.innerHTML = this.pristine.output;
    this.root.classList.remove("wa-stale");
    this.dirty = false;
    this.fromLink = false;
    this.fromPlan = false;
    this.keeping = false;
    this.good = this.pristine.inputs;
    this.root.querySelector(".wa-to-plan")?.remove();
    renumberAll(this.form);
    showCurrency(this.form);
    offerFills(this.form);
    // The example planned from today: computed once Python is there.
    if (!this.problem && this.fillToday() && this.started) this.refresh();
  }

  // Say `message` in the live region once the reader has paused; a newer edit
  // or answer replaces what was waiting.
  announceLater(message) {
    this.hush();
    this.pending = setTimeout(() => {
      this.pending = undefined;
      announce(this.root, message);
    }, PAUSE_MS);
  }

  hush() {
    clearTimeout(this.pending);
    this.pending = undefined;
  }

  say(message, state, { retry = false } = {}) {
    sayStatus(this.root, message, state, { retry, step: this.step });
  }

  async start() {
    if (this.started || this.problem) return;
    this.started = true;
    const stopListening = client.onProgress(({ stage, step }) => {
      this.step = step;
      this.say(MESSAGES.stage(stage, step), "loading");
    });
    this.say(MESSAGES.loading, "loading");
    try {
      await client.load();
    } catch {
      this.cannotLoad();
      return;
    } finally {
      stopListening();
    }
    this.say(MESSAGES.live, "live");
    if (this.dirty) await this.compute();
  }

  cannotLoad() {
    this.started = false;
    const stale = this.root.classList.contains("wa-stale");
    this.say(MESSAGES.cannotLoad(stale), "failed", { retry: true });
  }

  // The reader changed something: recompute now if the worker is free;
  // otherwise remember it, and the answer in flight sends the newest inputs
  // as soon as it lands (edits coalesce, the worker never queues up). The
  // result region is busy (aria-busy) from the edit until its answer is in place.
  schedule() {
    this.fromLink = false;
    this.hush();
    this.fromPlan = false;
    this.keeping = true;
    notify(this.root, "");
    this.refresh();
  }

  // Compute the form as it stands, now or after the answer in flight.
  refresh() {
    this.dirty = true;
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
      await client.load();
    } catch {
      if (sequence !== this.sequence) return;
      this.root.classList.add("wa-stale");
      this.cannotLoad();
      this.settled(sequence);
      return;
    }
    try {
      reply = await client.compute(this.name, inputs, currency);
    } catch {
      if (sequence !== this.sequence) return;
      this.started = false;
      this.root.classList.add("wa-stale");
      this.say(MESSAGES.stopped, "failed", { retry: true });
      this.settled(sequence);
      return;
    }
    if (sequence !== this.sequence) return; // a newer edit is on its way
    const { answer } = reply;
    if (!answer.ok && (this.fromLink || this.fromPlan)) {
      // A link (or a plan) whose numbers don't compute here: show the example, not
      // a page of errors.
      const fromLink = this.fromLink;
      this.reset();
      if (fromLink) dropLink(this.name);
      notify(this.root, fromLink ? MESSAGES.linkNotice : MESSAGES.planNotice);
      this.say(MESSAGES.live, "live");
      this.settled(sequence);
      return;
    }
    this.fromLink = false;
    showErrors(this.root, answer.ok ? [] : answer.errors);
    showReadAs(this.root, answer.ok ? answer.read_as : {});
    if (answer.ok) {
      this.good = inputs;
      morph(this.output, answer.html); // only what changed: the browser redoes no more
      // Whether its tables still fit is measured at the next frame, where the
      // browser lays the page out anyway: measuring here would lay it out in
      // the middle of the recompute, and again for the frame.
      requestAnimationFrame(() => letTablesScroll(this.output));
      this.root.classList.remove("wa-stale");
      if (this.keeping) this.keepLater(inputs, answer.result);
      offerOffers(this, answer.result);
      this.say(MESSAGES.live, "live");
      this.announceLater(answer.result.summary);
    } else {
      this.root.classList.add("wa-stale");
      this.say(MESSAGES.fixField, "stale");
      this.announceLater(answer.errors.map(({ message }) => message).join(" "));
    }
    this.settled(sequence);
  }

  // The worker died outside a request: say so if this calculator was using it.
  stopped() {
    if (!this.started) return;
    this.started = false;
    this.say(MESSAGES.stopped, "failed", { retry: true });
  }

  // The reader cleared their numbers: drop any answer still on its way and
  // show the example again.
  clear() {
    this.queued = false;
    this.sequence += 1; // an answer still on its way is for numbers that are gone
    this.output.removeAttribute("aria-busy");
    this.hush();
    forgetAnnounced(this.root);
    this.reset();
    notify(this.root, "");
    this.say(MESSAGES.cleared, "cleared");
  }

  // Started from the plan: the page's worked example instead, as it was built.
  showExample() {
    this.queued = false;
    this.sequence += 1; // an answer still on its way is for the plan's numbers
    this.output.removeAttribute("aria-busy");
    this.reset();
    notify(this.root, "");
    this.say(this.started ? MESSAGES.live : MESSAGES.example, this.started ? "live" : "idle");
  }

  // Buttons say what they do in data-action; actions.js does it.
  async click(event) {
    const button = event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    const action = button.dataset.action;
    if (action && Object.hasOwn(actions, action)) await actions[action](this, button);
  }
}
