// The throttle check's worker: says when its script began to run (Unix time in
// ms, to compare with when the benchmark capped its thread), then does what it
// is asked: the busy loop, or two fetches (a small file for the round trip, a
// large one for the bandwidth), timed on its own clock.
import { loops } from "./busy.js";

async function timedFetch(url) {
  const started = performance.now();
  const response = await fetch(url, { cache: "no-store" });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes };
}

postMessage({ started: performance.timeOrigin + performance.now() });

self.onmessage = async ({ data }) => {
  if (data.type === "loops") {
    const started = performance.now();
    const worker = loops(3);
    postMessage({ worker, loopsMs: performance.now() - started }); // the warm-up run included
  } else {
    const small = await timedFetch(data.small);
    postMessage({ small, big: await timedFetch(data.big) });
  }
};
