// Makes the calculators' Pyodide memory snapshot for the build hook (walkaway.py):
//   node make_snapshot.mjs RUNTIME_DIR PACKAGE_ZIP OUTPUT STDLIB_LIST
// Boots Pyodide in snapshot-making mode, imports the package the way the
// worker's plain boot does (where, and in the environment, protocol.js
// says), runs each calculator's example once (so the first recompute finds
// warm caches), zeroes the allocator's free memory (stale bytes compress
// badly: this takes a seventh off the download), XORs the runtime's initial
// memory out of it (snapshot.js: a quarter off again), and writes it to
// OUTPUT, for the hook to gzip. STDLIB_LIST gets the standard library's files
// that Python has imported by then (JSON): all a plain boot needs. The hook
// caches both under a hash of this file, the modules it imports, the Pyodide
// version and the zip.
//
// With docs/assets/walkaway/pyodide-private.js (the worker's side), this is the
// one place that uses Pyodide beyond its public API. Each use is marked
// "Private:" below, with why it is needed and what breaks if Pyodide changes
// it; README.md's "Upgrading Pyodide" lists the tests that prove them.

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { API_MODULE, PACKAGE_DIR, PYTHON_ENV } from "../../docs/assets/walkaway/protocol.js";
import { encodeSnapshot } from "../../docs/assets/walkaway/snapshot.js";

const [runtime, packageZip, output, stdlibList] = process.argv.slice(2);
if (!stdlibList) {
  throw new Error("usage: node make_snapshot.mjs RUNTIME_DIR PACKAGE_ZIP OUTPUT STDLIB_LIST");
}

// The runtime's memory right after instantiation: its data, before anything runs.
// Private: Pyodide offers no hook for that moment, so the global that
// instantiates its WebAssembly under Node is wrapped, and the memory is the
// one the module exports (Emscripten's default). If Pyodide instantiates
// another way, the build stops below ("the runtime's initial memory was not seen").
let initialMemory = null;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (source, imports) => {
  const result = await instantiate(source, imports);
  const memory = (result.instance ?? result).exports.memory;
  if (memory && !initialMemory) initialMemory = new Uint8Array(memory.buffer).slice();
  return result;
};

const { loadPyodide } = await import(pathToFileURL(`${runtime}/pyodide.mjs`).href);
// Private: `_makeSnapshot` readies Pyodide for makeMemorySnapshot (without it
// that throws, and the build stops); `_sysExecutable` gives sys.executable
// what a browser's boot has, rather than this script's path (the snapshot
// would otherwise carry the build machine's path). Both are @ignore options
// in Pyodide's types; if either is dropped, loadPyodide ignores it: the first
// stops the build, the second changes what Python reports, nothing the
// calculators read.
const pyodide = await loadPyodide({ _makeSnapshot: true, _sysExecutable: "./this.program", env: { ...PYTHON_ENV } });
pyodide.unpackArchive(new Uint8Array(readFileSync(packageZip)), "zip", { extractDir: PACKAGE_DIR });
const stdlib = pyodide.runPython(`
def _warm():
    import gc, json, sys
    sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})
    from ${API_MODULE} import respond
    from calculators.registry import CALCULATORS
    for name, calculator in CALCULATORS.items():
        answer = json.loads(respond(json.dumps({"calculator": name, "inputs": calculator.example})))
        if not answer["ok"]:  # not an assert: PYTHON_ENV has Python leave those out
            raise RuntimeError(f"{name}'s example: {answer}")
    # The standard library's files Python has read by now, as paths inside its zip.
    library = next(path for path in sys.path if path.endswith(".zip"))
    archive = library + "/"
    files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
    stdlib = json.dumps(sorted(name[len(archive) :] for name in files if name.startswith(archive)))
    # zipimport keeps the whole library's table of contents, where each file
    # sits in the zip. The worker restores with the trimmed library in its
    # place, whose files sit elsewhere: forget it, so that a read after the
    # restore (a traceback's source line) reads the trimmed one's table
    # rather than the wrong bytes. 45 kB less to download, too.
    sys.path_importer_cache[library].invalidate_caches()
    gc.collect()
    return stdlib
_warm()
`);
pyodide.runPython("del _warm; import gc; gc.collect()");
writeFileSync(stdlibList, stdlib);

// Allocate every free block the heap has (largest first), zero it, and free
// it all again. Growing the heap is forbidden meanwhile, so malloc runs out
// instead: a snapshot restores only into the memory the runtime starts with.
// Private: `_module` is Pyodide's Emscripten module (its HEAP8, _malloc and
// _free); `WebAssembly.Memory.prototype.grow` is patched because Emscripten
// grows the heap rather than let malloc fail. If `_module` goes, the build
// stops here; if the heap grows anyway, it stops below ("the heap grew"). Only
// the snapshot's size depends on this step, never what it computes.
const heap = pyodide._module;
const size = heap.HEAP8.length;
const blocks = [];
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = () => {
  throw new RangeError("the heap may not grow while it is being zeroed");
};
try {
  for (let block = 1 << 22; block >= 16; block >>= 1) {
    for (let pointer = heap._malloc(block); pointer; pointer = heap._malloc(block)) {
      blocks.push(pointer);
      heap.HEAP8.fill(0, pointer, pointer + block);
    }
  }
} finally {
  WebAssembly.Memory.prototype.grow = grow;
}
for (const pointer of blocks) heap._free(pointer);
if (heap.HEAP8.length !== size) throw new Error("the heap grew while it was being zeroed");

if (!initialMemory) throw new Error("the runtime's initial memory was not seen");
// The snapshot ends with the runtime's whole memory (snapshot.js XORs the
// initial memory out of it from there): if Pyodide's snapshot format changes,
// the published snapshot no longer restores, and the worker boots plainly.
const snapshot = pyodide.makeMemorySnapshot();
const published = encodeSnapshot(snapshot, snapshot.length - heap.HEAP8.length, initialMemory);
writeFileSync(output, published);
