// What each of a calculator's buttons does, one handler per data-action: the
// Python package's forms name their buttons' actions, and status.js names the
// retry button's. Each handler gets the calculator and the button clicked.

import { forgetEverything, shareLink } from "./address.js";
import { addItem, readForm, removeItem } from "./form-state.js";
import { sendToPlan } from "./plan.js";
import { copy } from "./status.js";

export const actions = {
  "add-item"(calculator, button) {
    addItem(button.closest(".wa-group")).querySelector("input")?.focus();
    calculator.schedule();
  },

  "remove-item"(calculator, button) {
    const group = removeItem(button.closest(".wa-item"));
    group.querySelector(".wa-item:last-child input")?.focus();
    calculator.schedule();
  },

  // Forget every calculator's numbers, not only this one's: that is what a
  // reader asking to clear "my numbers" expects.
  clear(calculator) {
    forgetEverything();
    calculator.clear();
  },

  // While a field shows an error, the link carries the numbers behind the
  // result shown: a link always opens on a result.
  async share(calculator, button) {
    const broken = calculator.root.dataset.state === "stale";
    const link = shareLink(calculator.name, broken ? calculator.good : readForm(calculator.form));
    await copy(link, button, broken ? "Link copied, with your last numbers that worked" : "Link copied");
  },

  async "copy-script"(calculator, button) {
    const script = button.nextElementSibling?.matches(".wa-script")
      ? button.nextElementSibling
      : button.parentElement.querySelector(".wa-script");
    if (script) await copy(script.textContent, button, "Copied");
  },

  // Starting again recomputes whatever the reader changed meanwhile.
  async retry(calculator) {
    calculator.started = false;
    await calculator.start();
  },

  // Started from the plan's numbers (plan.js): back to the page's worked example.
  example(calculator) {
    calculator.showExample();
  },

  // Send one of the compared offers to the plan (plan.js).
  "to-plan"(calculator, button) {
    sendToPlan(button);
  },

  // The print stylesheet (calculators.css) lays the page out as the plan alone.
  print(calculator) {
    calculator.root.ownerDocument.defaultView.print();
  },

  // The calendar file the engine wrote into the result, downloaded as it is.
  calendar(calculator) {
    const text = calculator.output.querySelector(".wa-calendar")?.textContent;
    if (!text) return;
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "walkaway-plan.ics";
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },

  // Put the number another calculator worked out (offerFills in status.js) into its field.
  fill(calculator, button) {
    const field = calculator.form.querySelector(`[name="${CSS.escape(button.dataset.fillName)}"]`);
    if (field) {
      field.value = button.dataset.value;
      calculator.schedule();
    }
  },
};
