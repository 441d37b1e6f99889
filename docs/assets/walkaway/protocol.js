// The worker protocol: what the page, the worker and the build's Node scripts
// agree on. Plain data, no global of a browser, a worker or Node.
//
// The page sends {id, type, ...}; every reply carries the request's id.
//   {type: "load", build, keep}                     -> {type: "ready", ...BENCH.ready}
//   {type: "compute", calculator, inputs, currency} -> {type: "result", answer, ...BENCH.result}
//   {type: "kept"}                                  -> {type: "kept"}
// While loading, the worker broadcasts {type: "progress", stage, step, steps}.
// Any failure answers {type: "error", message}; an unknown type is an error.
// A page of another build than the worker's is answered {type: "stale"}: it
// must reload rather than compute with a package its pages don't match.
// `keep` asks the worker to put aside copies of the runtime it downloads, for
// the service worker that will save them for reading offline (offline.js);
// "kept" is answered once those copies are stored.

export const MESSAGE = Object.freeze({
  LOAD: "load",
  COMPUTE: "compute",
  KEPT: "kept",
  READY: "ready",
  RESULT: "result",
  PROGRESS: "progress",
  ERROR: "error",
  STALE: "stale",
});

// The stages of loading, numbered as the page shows them ("step 2 of 3"). A
// boot from the memory snapshot goes from runtime straight to import.
const STAGES = Object.freeze({ runtime: 1, package: 2, import: 3 });
export const STEPS = Object.keys(STAGES).length;

export function progressMessage(stage) {
  return { type: MESSAGE.PROGRESS, stage, step: STAGES[stage], steps: STEPS };
}

// What only the benchmark and the tests use: the page reads none of it, and
// a change here is theirs to follow (benchmarks/instrument.js, visits.py,
// report.py; tests/browser/test_expected_answers.py).
// - worker.js?boot=plain: the plain boot even where the snapshot would
//   restore (the benchmark measures both boots; the browser tests answer
//   every stored case both ways).
// - On "ready": how the worker booted (boot: "snapshot" or "plain"), how long
//   it took on the worker's own clock (ms), each stage's share of it
//   (stages: {restore, import} or {runtime, package, import}, in ms), and
//   whether it began before the page asked (early: see BOOT_NOW).
// - On "result": how long Python took to answer (ms).
export const BENCH = Object.freeze({
  BOOT_PARAM: "boot",
  PLAIN_BOOT: "plain",
  ready: ({ boot, ms, stages, early }) => ({ ms, boot, stages, early }),
  result: (ms) => ({ ms }),
});

// The name of a worker the page's head starts on a return visit (main.html,
// which writes it out: a classic script can't import this): it boots at once,
// without waiting for the page's "load". A name, not a query in its address:
// a module served from the service worker's copy has the copy's address.
export const BOOT_NOW = "walkaway-boot-now";

// Where the package is unpacked inside Pyodide's file system, and the module
// whose respond(request JSON) -> answer JSON answers every compute request.
// The build's memory snapshot is made with the package there, so the worker's
// plain boot and the Pyodide tests put it in the same place.
export const PACKAGE_DIR = "/home/pyodide/walkaway";
export const API_MODULE = "calculators.api";

// Python's environment in every boot of the calculators: the build's
// snapshot, the worker's plain boot and the Pyodide tests (copy it: Pyodide
// adds its own variables to the object it is given). Each leaves something
// out of every module as it compiles, Pyodide's standard library included
// (it ships as source), and so out of the memory snapshot a reader downloads:
// - PYTHONOPTIMIZE=2: docstrings and asserts (0.4 MB of the snapshot). The
//   calculators read no docstring, and their asserts only narrow types for
//   mypy (the tests on CPython, and the Pyodide tests from the source tree,
//   still run them).
// - PYTHONNODEBUGRANGES=1: the columns each instruction came from, which
//   only a traceback's ^^^ markers use (0.3 MB).
// No answer changes.
export const PYTHON_ENV = { PYTHONOPTIMIZE: "2", PYTHONNODEBUGRANGES: "1" };

// The build's memory snapshot, beside the worker (worker.js restores it).
export const SNAPSHOT_FILE = "calculators.snapshot.gz";
