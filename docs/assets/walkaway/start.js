// On a page with a calculator (the template loads this from the head there
// only), start the calculators' worker loading Python as soon as the page has
// first painted, instead of when a calculator comes into view: the runtime is
// fetched and compiled while the reader reads. The calculators find it loading.

import { load, pythonProblem } from "./client.js";

if (!pythonProblem()) {
  // The first frame: the page paints, then the worker starts. A failure is the
  // calculator's to report, when it starts.
  requestAnimationFrame(() => load().catch(() => {}));
}
