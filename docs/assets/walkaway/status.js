// What a calculator shows around its result: the status line (with its
// progress bar and retry button), a notice, the errors on its fields, the
// currency's symbol, the offers to fill a field from another calculator, and
// what a copy button says. The result itself is the worker's HTML. (Not the
// engine's view.py, which draws a result's tables and chart.)

import { savedResult } from "./address.js";
import { STEPS } from "./protocol.js";

const STAGE_NAMES = {
  runtime: "Loading Python into your browser",
  package: "Loading the calculators",
  import: "Starting the calculators",
};

// Everything the status line and the notice say.
export const MESSAGES = {
  live: "Live: the result updates as you type. Your numbers stay on this device.",
  example: "Worked example for the numbers shown. Change any of them and the result " +
    "recomputes here, in your browser.",
  restored: "Your numbers are back; the result below updates once the calculator has loaded.",
  // Readers of the published guide see this: what they can do, never a developer's command.
  unavailable: (problem) => `${problem} The result below is a worked example for the numbers shown. ` +
    "To recompute it with your numbers, open this guide from its web address in an up-to-date browser.",
  loading: "Loading the calculator… it runs here in your browser, and nothing you type leaves it.",
  stage: (stage, step) => `${STAGE_NAMES[stage] ?? "Loading"}… (step ${step} of ${STEPS})`,
  cannotLoad: (stale) => "The calculator couldn't load, so it can't recompute yet. " +
    (stale
      ? "The result below is for the last numbers that worked out, not the ones in the form."
      : "The result below is still correct for the numbers it shows.") +
    " Check your connection and try again.",
  stopped: "The calculator stopped unexpectedly. Your numbers and the last result are still here: " +
    "change a number or try again to restart it.",
  fixField: "Fix the marked field and the result will update; until then it shows your last good numbers.",
  linkNotice: "This link's numbers couldn't be used, so the calculator shows its example instead.",
  cleared: "Cleared: nothing of yours is saved in this browser now. The example numbers are back.",
  fromPlan: "Started from your plan: the numbers it shares with this calculator are the ones " +
    "you saved there, on this device.",
  planNotice: "Your plan's numbers couldn't be used here, so the calculator shows its example instead.",
};

// The status line, and the state (data-state) that styles and tests read.
export function say(root, message, state, { retry = false, step } = {}) {
  const status = root.querySelector(".wa-status");
  root.dataset.state = state;
  // The status line is a live region: saying the same thing again (each
  // recompute says "Live") would have a screen reader repeat it at every edit.
  const said = JSON.stringify([message, state, retry, state === "loading" ? (step ?? 0) : null]);
  if (status.dataset.said === said) return;
  status.dataset.said = said;
  status.replaceChildren();
  const text = document.createElement("span");
  text.textContent = message;
  status.append(text);
  if (state === "loading") {
    const bar = document.createElement("progress");
    bar.max = STEPS;
    bar.value = step ?? 0;
    bar.setAttribute("aria-label", "Loading the calculator");
    status.append(bar);
  }
  if (retry) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button wa-retry";
    button.dataset.action = "retry";
    button.textContent = "Try again";
    status.append(button);
  }
}

// What a screen reader hears of a recompute, in the calculator's one live
// region besides the status line (the result itself is not one: each
// recompute changes dozens of its texts). calculator.js calls this once the
// reader has paused; the same words twice in a row are said once.
export function announce(root, message) {
  const region = root.querySelector(".wa-announce");
  if (!region || region.dataset.said === message) return;
  region.dataset.said = message;
  region.textContent = message;
}

// After "Clear my numbers": the next words are news again, even the same ones.
export function forgetAnnounced(root) {
  const region = root.querySelector(".wa-announce");
  if (region) delete region.dataset.said;
}

// A notice that stays until the reader changes something (the status line
// below it changes as the calculator loads); "" hides it. With `example`, it
// ends with a button back to the worked example.
export function notify(root, message, { example = false } = {}) {
  let notice = root.querySelector(".wa-notice");
  if (!notice) {
    notice = document.createElement("p");
    notice.className = "wa-notice";
    notice.setAttribute("role", "status");
    root.querySelector(".wa-status").before(notice);
  }
  notice.textContent = message;
  if (example && message) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button wa-example";
    button.dataset.action = "example";
    button.textContent = "Show the worked example";
    notice.append(" ", button);
  }
  notice.hidden = !message;
}

// The worker's errors: each on its field, the rest above the form.
export function showErrors(root, errors) {
  const form = root.querySelector("form.wa-form");
  for (const field of form.querySelectorAll(".wa-field")) {
    const slot = field.querySelector(".wa-error");
    slot.hidden = true;
    slot.textContent = "";
    field.querySelector("input,select")?.removeAttribute("aria-invalid");
  }
  const general = [];
  for (const { field, message } of errors) {
    const holder = field ? form.querySelector(`.wa-field[data-field="${CSS.escape(field)}"]`) : null;
    if (!holder) {
      general.push(message);
      continue;
    }
    const slot = holder.querySelector(".wa-error");
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    holder.querySelector("input,select")?.setAttribute("aria-invalid", "true");
  }
  const summary = root.querySelector(".wa-form-errors") ?? document.createElement("p");
  summary.className = "wa-form-errors";
  summary.textContent = general.join(" ");
  summary.hidden = general.length === 0;
  if (!summary.isConnected) form.prepend(summary);
}

// What each number typed other than as plain digits was read as ("read as
// 90,000"), from the engine's answer; a field not in it shows nothing.
export function showReadAs(root, readAs = {}) {
  for (const slot of root.querySelectorAll("form.wa-form .wa-read")) {
    const name = slot.closest(".wa-field")?.dataset.field;
    const text = (name && readAs[name]) || "";
    if (slot.textContent !== text) slot.textContent = text;
    slot.hidden = !text;
  }
}

export function showCurrency(form) {
  const option = form.querySelector(".wa-currency")?.selectedOptions[0];
  if (!option) return;
  for (const unit of form.querySelectorAll(".wa-unit--money")) unit.textContent = option.dataset.symbol;
}

// A fill button (data-fill-from="runway.runway_months") shows only when that
// calculator has saved a number here, and says which.
export function offerFills(form) {
  for (const button of form.querySelectorAll(".wa-fill")) {
    const [source, key] = button.dataset.fillFrom.split(".");
    const value = savedResult(source)?.[key];
    button.hidden = typeof value !== "number";
    button.dataset.value = typeof value === "number" ? String(value) : "";
    const slot = button.querySelector(".wa-fill-value");
    if (slot) slot.textContent = button.dataset.value;
  }
}

// Copy text to the clipboard; the button says how it went for two seconds.
export async function copy(text, button, done) {
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
