// Restores a built site's memory snapshot as the worker does, with the build's
// trimmed standard library where Pyodide keeps its library (the worker puts
// it there as a lazy file: pyodide-private.js), and prints what Python reads
// back from that library after the restore: the first line of a function's
// source, as a traceback would read it.
//   node read_library.mjs RUNTIME_DIR
// (RUNTIME_DIR: the build's folder, assets/walkaway/<build>/.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";
import { whenInstantiatedInNode, withSnapshot } from "../../docs/assets/walkaway/pyodide-private.js";
import { decodeSnapshot } from "../../docs/assets/walkaway/snapshot.js";

const [assets] = process.argv.slice(2);
const { snapshot, finish } = decodeSnapshot(gunzipSync(readFileSync(join(assets, "calculators.snapshot.gz"))));
whenInstantiatedInNode(finish);
const pyodide = await loadPyodide(withSnapshot({ stdLibURL: join(assets, "python_stdlib.zip") }, snapshot));
process.stdout.write(pyodide.runPython("import inspect, json\ninspect.getsource(json.dumps).splitlines()[0]") + "\n");
