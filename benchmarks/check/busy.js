// The throttle check's fixed amount of work, timed where it runs: the page and
// its worker run the same loop, so their times compare.
function spin() {
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < 20_000_000; i++) x = (x + i * 7) % 1_000_003;
  return { ms: performance.now() - started, x };
}

// One run to warm up, then `count` timed runs (ms each).
export function loops(count) {
  spin();
  return Array.from({ length: count }, () => spin().ms);
}
