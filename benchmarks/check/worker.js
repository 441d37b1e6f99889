// The throttle check's worker: the busy loop, then two fetches (a small file
// for the round trip, a large one for the bandwidth), timed on its own clock.
import { loops } from "./busy.js";

async function timedFetch(url) {
  const started = performance.now();
  const response = await fetch(url, { cache: "no-store" });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes };
}

self.onmessage = async ({ data }) => {
  const worker = loops(3);
  postMessage({ worker, small: await timedFetch(data.small), big: await timedFetch(data.big) });
};
