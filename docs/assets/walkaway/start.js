// On a page with a calculator (the template loads this from the head there
// only), start the calculators' worker loading Python early, instead of when a
// calculator comes into view: the runtime is fetched and compiled while the
// reader reads. The calculators find it loading.
//
// On a first visit it starts once the page has first painted, so that its
// downloads don't hold up the page's own. When the guide's service worker is
// in charge, the runtime is saved in this browser and nothing is downloaded:
// it starts at once.

import { load, pythonProblem } from "./client.js";

if (!pythonProblem()) {
  // A failure is the calculator's to report, when it starts.
  const start = () => load().catch(() => {});
  if (navigator.serviceWorker?.controller) start();
  else requestAnimationFrame(start);
}
