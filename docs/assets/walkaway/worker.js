// The calculators' worker: boots Pyodide from this site with the calculators
// package (built from the tested source at build time) and answers the page's
// requests (protocol.js). It holds no domain logic: every number and every
// word of a result comes from calculators.api.respond.
//
// Booting. Most of a cold start is Python starting up inside Pyodide, not the
// download. So the build publishes a memory snapshot of Pyodide taken with the
// package already imported (calculators.snapshot.gz, made in Node by the build
// hook, in snapshot.js's form), and the worker restores it: Python is then
// ready as soon as the runtime and the snapshot have arrived. If the snapshot
// can't be fetched or restored, the worker boots plainly: Pyodide with the
// standard library trimmed to what it imports, then the package zip unpacked
// and imported. The snapshot path downloads more (the snapshot, less the
// library and package zip it does without), so a reader who asked to save
// data (Save-Data) gets the plain boot too, as does `worker.js?boot=plain`
// (BENCH in protocol.js: the benchmark measures both).
//
// What this needs of Pyodide beyond its public API (the snapshot's private
// option, its file layout, the globals watched while it boots) is in
// pyodide-private.js, and nowhere else here.

import { BUILD, PYODIDE_LOCK, PYODIDE_URL } from "./build.js";
import { API_MODULE, BENCH, BOOT_NOW, MESSAGE, PACKAGE_DIR, PYTHON_ENV, SNAPSHOT_FILE, progressMessage } from "./protocol.js";
import { importPyodide, restoreSnapshot, watchBrowserBoot } from "./pyodide-private.js";
import { decodeSnapshot } from "./snapshot.js";

const SNAPSHOT_URL = new URL(SNAPSHOT_FILE, import.meta.url);
const PACKAGE_URL = new URL("calculators.zip", import.meta.url);
const STDLIB_URL = new URL("python_stdlib.zip", import.meta.url); // trimmed by the build
const RUNTIME_URL = PYODIDE_URL;
const PLAIN =
  new URL(import.meta.url).searchParams.get(BENCH.BOOT_PARAM) === BENCH.PLAIN_BOOT ||
  navigator.connection?.saveData === true;

let booting = null; // the promise of {respond, ...}, once loading has started
let finishSnapshot = null; // puts the runtime's initial memory back into the snapshot
let wasmFailed = () => {};

function progress(stage) {
  postMessage(progressMessage(stage));
}

// Where Pyodide is, and its lock file, which the build wrote into build.js:
// one request fewer before the runtime can start (Pyodide would fetch it).
function runtimeOptions() {
  const options = { indexURL: RUNTIME_URL.href };
  if (PYODIDE_LOCK) options.lockFileContents = structuredClone(PYODIDE_LOCK);
  return options;
}

async function fetchOk(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} failed to load (${response.status})`);
  return response;
}

// The snapshot is published gzipped, so it travels at a fifth of its size
// whatever the host, and is decompressed as it arrives. A host that sends it
// with Content-Encoding: gzip has decoded it already: look before inflating.
async function snapshotBytes(response) {
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  let body = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
      if (first.done) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  if (head[0] === 0x1f && head[1] === 0x8b) body = body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function restore(stages) {
  let started = performance.now();
  // Wait for the snapshot's headers before starting the runtime: when it is
  // missing, the plain boot then starts clean, without a second runtime download.
  // Pyodide is imported when booting, so that the snapshot's request goes out alongside it.
  const [{ loadPyodide }, response] = await Promise.all([
    importPyodide(RUNTIME_URL),
    fetchOk(SNAPSHOT_URL, "the calculators' snapshot"),
  ]);
  const snapshot = snapshotBytes(response).then((bytes) => {
    const { snapshot: pyodideSnapshot, finish } = decodeSnapshot(bytes);
    finishSnapshot = finish; // once the runtime is instantiated, before Pyodide restores
    return pyodideSnapshot;
  });
  snapshot.catch(() => {}); // loadPyodide awaits it and reports its failure
  // The standard library stays on the server until Python reads it (pyodide-private.js).
  const pyodide = await restoreSnapshot(loadPyodide, { ...runtimeOptions(), snapshot, stdlib: STDLIB_URL });
  stages.restore = performance.now() - started;
  progress("import");
  started = performance.now();
  const respond = pyodide.pyimport(API_MODULE).respond;
  stages.import = performance.now() - started;
  return respond;
}

async function plainBoot(stages) {
  const archive = fetchOk(PACKAGE_URL, "the calculators package").then((r) => r.arrayBuffer());
  archive.catch(() => {}); // awaited below
  let started = performance.now();
  const { loadPyodide } = await importPyodide(RUNTIME_URL);
  const pyodide = await loadPyodide({ ...runtimeOptions(), stdLibURL: STDLIB_URL.href, env: { ...PYTHON_ENV } });
  stages.runtime = performance.now() - started;
  progress("package");
  started = performance.now();
  pyodide.unpackArchive(await archive, "zip", { extractDir: PACKAGE_DIR });
  stages.package = performance.now() - started;
  progress("import");
  started = performance.now();
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})`);
  const respond = pyodide.pyimport(API_MODULE).respond;
  stages.import = performance.now() - started;
  return respond;
}

async function bootPython() {
  const started = performance.now();
  progress("runtime");
  if (!PLAIN) {
    const stages = {};
    try {
      const respond = await restore(stages);
      return { respond, boot: "snapshot", stages, ms: performance.now() - started };
    } catch (error) {
      console.warn(`The calculators' snapshot didn't restore (${error?.message ?? error}); starting Python plainly.`);
    }
  }
  const stages = {};
  const respond = await plainBoot(stages);
  return { respond, boot: "plain", stages, ms: performance.now() - started };
}

// On a first visit the guide's service worker (offline.js) isn't in charge yet,
// and will save these same files for reading offline. What this worker
// downloads of them (the runtime, the snapshot) it puts aside for the service
// worker to take (its cache starts with "walkaway-"), so that nothing is
// downloaded twice. Only the site's own files: never an input, never an answer.
let keeping = null; // the cache to put copies in, when the page asked for them
const putting = []; // the copies being stored
const BUILD_URL = new URL("./", import.meta.url).href;

function keepCopy(url, response) {
  if (!keeping || !(url.startsWith(RUNTIME_URL.href) || url.startsWith(BUILD_URL))) return;
  const cache = keeping;
  const stored = response
    // Copied the moment it arrives, before anyone reads it (Pyodide's WebAssembly
    // is compiled as it streams in).
    .then((r) => (r.ok ? r.clone() : null))
    .then(async (copy) => copy && (await cache).put(url.split("?")[0], copy));
  stored.catch(() => {}); // a full disk, or no cache here: the service worker downloads it itself
  putting.push(stored);
}

// Pyodide's boot, watched from fetch to instantiation (pyodide-private.js):
// every file it fetches may be kept for the service worker; the snapshot's
// copy of the runtime's initial memory is put back the moment the runtime is
// instantiated, before Pyodide restores (snapshot.js); and a WebAssembly that
// fails to download or compile fails the boot (the page can offer a retry)
// instead of leaving it hanging.
// On a return visit the site's files are saved in this browser (the service
// worker's cache, or the copies this worker put aside). The files of a build's
// folders never change, so read them from there directly, rather than ask the
// service worker for them: its thread is busy with the page's own requests
// then, and each answer waited on it. A file not saved is fetched as usual.
const IMMUTABLE = [RUNTIME_URL.href, BUILD_URL];
const fetchOnline = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (resource, init) => {
  const url = String(resource);
  if (self.caches && IMMUTABLE.some((folder) => url.startsWith(folder))) {
    const saved = await caches.match(url).catch(() => null);
    if (saved) return saved;
  }
  return fetchOnline(resource, init);
};

watchBrowserBoot({
  indexURL: RUNTIME_URL.href,
  fetched: keepCopy,
  instantiated(memory) {
    finishSnapshot?.(memory);
    finishSnapshot = null;
  },
  failed: (error) => wasmFailed(error),
});

function wasmFailure() {
  return new Promise((_, reject) => {
    wasmFailed = (error) =>
      reject(new Error(`Python's WebAssembly failed to load (${error?.message ?? error})`));
  });
}

function runtime() {
  booting ??= Promise.race([bootPython(), wasmFailure()]).catch((error) => {
    booting = null; // let the next request retry
    throw error;
  });
  return booting;
}

// Started by the page's head on a return visit (main.html names it BOOT_NOW),
// with the runtime saved in this browser: boot at once, without waiting for
// the page's request, which then finds Python booting or ready. Nothing is
// kept for the service worker: it has everything.
const bootingEarly = self.name === BOOT_NOW;

// A page of another build than this worker's.
class StaleBuild extends Error {}

// One handler per request type, each returning its reply.
const handlers = {
  async [MESSAGE.LOAD]({ build, keep }) {
    // A page of another build would run this build's package against its own
    // pages: it should reload instead (the page says so to the reader).
    if (build !== BUILD) throw new StaleBuild(`this worker is build ${BUILD}, the page ${build}`);
    if (keep && self.caches && !keeping) {
      keeping = caches.open(`walkaway-runtime-${BUILD}`);
      keeping.catch(() => {}); // keepCopy gives up on it
    }
    const { ms, boot, stages } = await runtime();
    return { type: MESSAGE.READY, ...BENCH.ready({ ms, boot, stages, early: bootingEarly }) };
  },
  async [MESSAGE.KEPT]() {
    await Promise.allSettled(putting);
    return { type: MESSAGE.KEPT };
  },
  async [MESSAGE.COMPUTE]({ calculator, inputs, currency }) {
    const { respond } = await runtime();
    const started = performance.now();
    const answer = JSON.parse(respond(JSON.stringify({ calculator, inputs, currency })));
    return { type: MESSAGE.RESULT, answer, ...BENCH.result(performance.now() - started) };
  },
};


if (bootingEarly) runtime().catch(() => {}); // the page's request reports it

self.onmessage = async ({ data }) => {
  const { id, type } = data ?? {};
  try {
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : null;
    if (!handler) throw new Error(`unknown request type: ${type}`);
    postMessage({ id, ...(await handler(data)) });
  } catch (error) {
    const reply = error instanceof StaleBuild ? MESSAGE.STALE : MESSAGE.ERROR;
    postMessage({ id, type: reply, message: String(error?.message ?? error) });
  }
};
