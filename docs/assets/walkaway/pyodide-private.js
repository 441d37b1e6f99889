// Every use the calculators make of Pyodide beyond its public API, in one
// place: its private options, its file layout, and the globals patched to
// watch it boot. The other place is the build's snapshot maker
// (overrides/hooks/make_snapshot.mjs, under Node). Nothing else touches them.
// Pyodide is pinned (package.json); each use below says why it is needed and
// what breaks if Pyodide changes it, and README.md's "Upgrading Pyodide" lists
// the tests that prove each one still works.
//
// Nothing here runs on import: the worker (worker.js) calls it, and so does
// the Pyodide test runner under Node (tests/pyodide/run_cases.mjs), which
// restores the snapshot the way the worker does.

// ------------------------------------------------------------------ loading

// Pyodide's loader, with its runtime script (pyodide.asm.mjs, 1.25 MB of
// JavaScript) asked for at the same moment rather than once loadPyodide gets
// to it: this import and Pyodide's own share one module record, so it is
// fetched and compiled once. Relies on pyodide.mjs importing pyodide.asm.mjs
// from beside itself. If that file is renamed, the extra import fails quietly
// and the boot is only slower (the benchmark shows it); if the loader is,
// nothing boots (tests/browser/test_snapshot.py).
export function importPyodide(indexURL) {
  import(new URL("pyodide.asm.mjs", indexURL).href).catch(() => {}); // Pyodide reports failures
  return import(new URL("pyodide.mjs", indexURL).href);
}

// loadPyodide's options, restoring a memory snapshot made with the private
// `_makeSnapshot` (make_snapshot.mjs). `_loadSnapshot` is the only way to load
// one: it is marked @ignore in Pyodide's types. If it is dropped or renamed,
// Pyodide boots without it, reads the stand-in below as its standard library
// and fails: the worker falls back to its plain boot (slower, still right),
// and the snapshot tests fail.
export function withSnapshot(options, snapshot) {
  return { ...options, _loadSnapshot: snapshot };
}

// Restore a published snapshot in the worker: Python is ready, the calculators
// imported, as soon as the runtime and the snapshot have arrived.
// - Pyodide fetches a standard library even when it restores a snapshot. Give
//   it the smallest file of the runtime's (a data: URL would break under a
//   connect-src 'self' policy sent as a header).
// - With the snapshot everything the calculators import is in memory: Python
//   reads its standard library only to import something new (nothing the
//   calculators do) or to print a traceback. So the 2.5 MB library is not
//   downloaded up front: the stand-in's place, /lib/pythonXY.zip (where
//   Pyodide mounts the library, on sys.path), becomes a lazy file fetched on
//   its first read. If Pyodide moves it, the restore throws here (no such
//   file) and the worker boots plainly.
export async function restoreSnapshot(loadPyodide, { snapshot, stdlib, ...options }) {
  const standIn = new URL("pyodide-lock.json", options.indexURL).href;
  const pyodide = await loadPyodide(withSnapshot({ ...options, stdLibURL: standIn }, snapshot));
  const { FS } = pyodide;
  const name = FS.readdir("/lib").find((entry) => /^python\d+\.zip$/.test(entry));
  FS.unlink(`/lib/${name}`);
  FS.createLazyFile("/lib", name, String(stdlib), true, false);
  return pyodide;
}

// ------------------------------------------------------------------ watching it boot

// A snapshot restores into the runtime's initial memory, which the published
// snapshot leaves out (snapshot.js): it must be put back the moment the
// runtime is instantiated, before Pyodide restores. Pyodide offers no hook
// for that moment, so the global that instantiates its WebAssembly is
// wrapped: in a browser WebAssembly.instantiateStreaming (watchBrowserBoot),
// under Node WebAssembly.instantiate (whenInstantiatedInNode). It relies on
// Pyodide's module exporting its memory (Emscripten's default). If Pyodide
// instantiates another way, the memory is never put back and the restore
// fails: the worker boots plainly, the snapshot tests fail.
function memoryOf(result) {
  return (result.instance ?? result).exports.memory;
}

// In the worker, from the first request: wraps the global `fetch` and
// `WebAssembly.instantiateStreaming`, which Pyodide's browser loader uses.
// - fetched(url, response promise): every file Pyodide and the worker fetch,
//   as it is asked for (the worker keeps copies for the service worker).
// - Pyodide asks for its WebAssembly early, before the snapshot has arrived,
//   but compiles it only once it has: compiling starts here as the bytes
//   arrive instead (relies on Pyodide handing that fetch's response to
//   instantiateStreaming and nothing else; if not, it compiles twice, slower).
// - instantiated(memory): the runtime's memory, the moment it is instantiated.
// - failed(error): Pyodide only logs a warning when its WebAssembly fails to
//   download or compile, and loadPyodide then never settles: the worker fails
//   the boot instead (and the page offers a retry) rather than hang
//   (tests/browser/test_failures.py).
export function watchBrowserBoot({ indexURL, fetched, instantiated, failed }) {
  const wasm = new URL("pyodide.asm.wasm", indexURL).href;
  let compiling = null; // the runtime's WebAssembly module, compiling from Pyodide's own fetch
  const fetchFirst = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (resource, init) => {
    const response = fetchFirst(resource, init);
    fetched(String(resource), response);
    if (String(resource) === wasm && !compiling) {
      compiling = response.then((r) => WebAssembly.compileStreaming(r));
      compiling.catch(() => {}); // reported by the instantiation below
    }
    return response;
  };
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (source, imports) => {
    const instantiating = compiling
      ? compiling.then(async (module) => ({ module, instance: await WebAssembly.instantiate(module, imports) }))
      : instantiateStreaming(source, imports);
    const finished = instantiating.then((result) => {
      instantiated(memoryOf(result));
      return result;
    });
    finished.catch((error) => {
      compiling = null; // a retry fetches and compiles afresh
      failed(error);
    });
    return finished;
  };
}

// Under Node (tests/pyodide/run_cases.mjs): instantiated(memory) once, the
// moment Pyodide's runtime is instantiated; the global is then put back.
export function whenInstantiatedInNode(instantiated) {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async (source, imports) => {
    const result = await instantiate(source, imports);
    const memory = memoryOf(result);
    if (memory) {
      instantiated(memory);
      WebAssembly.instantiate = instantiate;
    }
    return result;
  };
}
