// Injected by bench.py into every page before the page's own scripts run
// (Playwright's add_init_script). It measures from outside the guide's code:
//   - the worker's messages, by wrapping the Worker constructor (and, when
//     window.benchBoot is set, asking the worker for that boot path with
//     ?boot=..., e.g. "plain" to skip the memory snapshot);
//   - when each calculator's status first says "Live: ...";
//   - when the prerendered result entered the DOM, and first paint;
//   - it scrolls each mounted calculator into view until it starts, as a
//     reader scrolling straight to it would (calculators start when seen).
(() => {
  const bench = (window.bench = {
    posts: [], // {at, id, type}
    replies: [], // {at, id, type, ms}
    ready: null, // the worker's "ready" reply, with when it arrived
    live: {}, // calculator name -> when its status first said Live
    outputAt: null, // when the first .wa-output entered the DOM
    paint: null, // first contentful paint and what the result looked like then
  });

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      const address = new URL(url, location.href);
      // The calculators' worker, in its build's folder: assets/walkaway/<build>/.
      const ours = /\/walkaway\/[^/]+\/worker\.js$/.test(address.pathname);
      if (ours && window.benchBoot) address.searchParams.set("boot", window.benchBoot);
      super(address, options);
      this.ours = ours;
      if (!ours) return;
      this.addEventListener("message", ({ data }) => {
        const at = performance.now();
        if (data?.type === "progress") return;
        bench.replies.push({ at, id: data?.id, type: data?.type, ms: data?.ms });
        if (data?.type === "ready") bench.ready = { ...data, at };
      });
    }

    postMessage(message, ...rest) {
      if (this.ours) bench.posts.push({ at: performance.now(), id: message?.id, type: message?.type });
      return super.postMessage(message, ...rest);
    }
  };

  // Until a calculator has started (its state leaves "idle"), keep it in view,
  // from the moment it is mounted; Material may scroll to the top after an
  // instant navigation, so check again every frame.
  const scroll = () => {
    for (const calc of document.querySelectorAll(".wa-calc[data-mounted]")) {
      if (calc.dataset.state === "idle") calc.scrollIntoView({ block: "center" });
    }
  };
  const everyFrame = () => {
    scroll();
    requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);

  const LIVE = "Live:";
  new MutationObserver(() => {
    const at = performance.now();
    scroll();
    if (bench.outputAt === null && document.querySelector(".wa-calc .wa-output")) bench.outputAt = at;
    for (const calc of document.querySelectorAll(".wa-calc")) {
      const name = calc.dataset.calculator;
      if (!(name in bench.live) && calc.querySelector(".wa-status")?.textContent.startsWith(LIVE)) {
        bench.live[name] = at;
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== "first-contentful-paint" || bench.paint) continue;
      const output = document.querySelector(".wa-calc .wa-output");
      const box = output?.getBoundingClientRect();
      const style = output ? getComputedStyle(output) : null;
      bench.paint = {
        at: entry.startTime,
        // In the DOM before the paint, with content and a box, and shown.
        prerendered:
          bench.outputAt !== null &&
          bench.outputAt <= entry.startTime &&
          output.textContent.trim().length > 0 &&
          box.height > 0 &&
          style.visibility === "visible" &&
          style.display !== "none",
        // In the first screenful, before any scrolling.
        aboveTheFold: Boolean(box) && box.top + scrollY < innerHeight,
      };
    }
  }).observe({ type: "paint", buffered: true });
})();
