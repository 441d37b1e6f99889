// The page's entry module, loaded on every page of the guide (main.html): mounts the
// calculators of each page Material shows, and starts Python only where there is one.
// It also keeps the guide readable offline (offline.js) and the page and its
// scripts of one build (freshness.js).
//
// The browser glue is small and dumb: calculator.js (one calculator),
// actions.js (its buttons), status.js (its status line and errors),
// form-state.js (its form as data), address.js (inputs in the address and in
// this browser), plan.js (the plan's numbers and scripts on other pages),
// client.js and protocol.js (the worker, worker.js, whose uses of Pyodide's
// private parts are all in pyodide-private.js), tables.js.
// No domain logic anywhere: no arithmetic, no validation rules, no wording of
// results; all of that comes back from the Python package.
//
// One worker serves the whole visit: with Material's instant navigation this
// module runs once, and `document$` tells it about every new page.

import { Calculator } from "./calculator.js";
import { onStop } from "./client.js";
import { scriptsMatchPage } from "./freshness.js";
import { keepOffline, showOffline } from "./offline.js";
import { fillScripts } from "./plan.js";
import { followResizes, letTablesScroll } from "./tables.js";

const mounted = new Set(); // the calculators on the current page, told when the worker dies

onStop(() => {
  for (const calculator of mounted) {
    if (calculator.root.isConnected) calculator.stopped();
    else mounted.delete(calculator);
  }
});

function mountAll() {
  showOffline();
  // A page of a newer build than these scripts (instant navigation after a
  // deploy) reloads instead of mounting: its calculators need their own build.
  if (!scriptsMatchPage()) return;
  for (const calculator of mounted) if (!calculator.root.isConnected) mounted.delete(calculator);
  for (const root of document.querySelectorAll(".wa-calc:not([data-mounted])")) {
    root.dataset.mounted = "true";
    const calculator = new Calculator(root);
    mounted.add(calculator);
    calculator.mount();
  }
  // A page of the guide's scripts shows them as the reader's plan filled them in.
  fillScripts();
  // After Material has wrapped this page's tables.
  requestAnimationFrame(() => letTablesScroll());
}

followResizes();
keepOffline();

// Material's instant navigation announces each new page on document$; without
// it (or before it is ready) mount once the document has loaded.
if (typeof document$ !== "undefined") {
  document$.subscribe(mountAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll);
} else {
  mountAll();
}
