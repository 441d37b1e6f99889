// The worker protocol: what the page, the worker and the build's Node scripts
// agree on. Plain data, no global of a browser, a worker or Node.
//
// The page sends {id, type, ...}; every reply carries the request's id.
//   {type: "load"}                                  -> {type: "ready", ms, boot, stages}
//   {type: "compute", calculator, inputs, currency} -> {type: "result", answer, ms}
// While loading, the worker broadcasts {type: "progress", stage, step, steps}.
// Any failure answers {type: "error", message}; an unknown type is an error.

export const MESSAGE = Object.freeze({
  LOAD: "load",
  COMPUTE: "compute",
  READY: "ready",
  RESULT: "result",
  PROGRESS: "progress",
  ERROR: "error",
});

// The stages of loading, numbered as the page shows them ("step 2 of 3"). A
// boot from the memory snapshot goes from runtime straight to import.
export const STAGES = Object.freeze({ runtime: 1, package: 2, import: 3 });
export const STEPS = Object.keys(STAGES).length;

export function progressMessage(stage) {
  return { type: MESSAGE.PROGRESS, stage, step: STAGES[stage], steps: STEPS };
}

// Where the package is unpacked inside Pyodide's file system, and the module
// whose respond(request JSON) -> answer JSON answers every compute request.
// The build's memory snapshot is made with the package there, so the worker's
// plain boot and the Pyodide tests put it in the same place.
export const PACKAGE_DIR = "/home/pyodide/walkaway";
export const API_MODULE = "calculators.api";

// The build's memory snapshot, beside the worker (worker.js restores it).
export const SNAPSHOT_FILE = "calculators.snapshot.gz";
