// Answers stored cases inside Pyodide under Node, booted one of three ways:
//   node run_cases.mjs source PACKAGE_DIR CASE.json...     the package straight from the tree
//   node run_cases.mjs plain RUNTIME_DIR CASE.json...      a built site's package zip, with
//                                                          its trimmed standard library
//   node run_cases.mjs snapshot RUNTIME_DIR CASE.json...   a built site's memory snapshot,
//                                                          with no standard library at all
// (RUNTIME_DIR: the build's folder, assets/walkaway/<build>/.)
// The last two are the boots the worker does (worker.js), so the answers are those
// of the runtime readers get, in the worker's environment (PYTHON_ENV); the
// first keeps Python's defaults, asserts and all, as on CPython. Prints a line
// {"python": version, "optimize": level, "columns": whether code keeps them},
// then one JSON line per case: {"case": path, "answer": <calculators.api.respond's
// text>}. Nothing is fetched: Pyodide loads from node_modules, everything else
// from disk.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";
import { API_MODULE, PACKAGE_DIR, PYTHON_ENV } from "../../docs/assets/walkaway/protocol.js";
import { whenInstantiatedInNode, withSnapshot } from "../../docs/assets/walkaway/pyodide-private.js";
import { decodeSnapshot } from "../../docs/assets/walkaway/snapshot.js";

const [mode, dir, ...cases] = process.argv.slice(2);
const assets = dir ?? "";

async function fromSource() {
  const pyodide = await loadPyodide();
  // The package's files, subpackages included, as the build's zip holds them.
  const copyTree = (from) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const path = join(from, entry.name);
      const target = `${PACKAGE_DIR}/calculators/${relative(dir, path)}`;
      if (entry.isDirectory() && entry.name !== "__pycache__") {
        pyodide.FS.mkdirTree(target);
        copyTree(path);
      } else if (entry.name.endsWith(".py") || entry.name === "py.typed") {
        pyodide.FS.writeFile(target, readFileSync(path));
      }
    }
  };
  pyodide.FS.mkdirTree(`${PACKAGE_DIR}/calculators`);
  copyTree(dir);
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})`);
  return pyodide;
}

async function plain() {
  const pyodide = await loadPyodide({ stdLibURL: join(assets, "python_stdlib.zip"), env: { ...PYTHON_ENV } });
  const archive = new Uint8Array(readFileSync(join(assets, "calculators.zip")));
  pyodide.unpackArchive(archive, "zip", { extractDir: PACKAGE_DIR });
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})`);
  return pyodide;
}

async function fromSnapshot() {
  const { snapshot, finish } = decodeSnapshot(gunzipSync(readFileSync(join(assets, "calculators.snapshot.gz"))));
  // As in the worker: the runtime's initial memory goes back into the snapshot
  // the moment the runtime is instantiated.
  whenInstantiatedInNode(finish);
  // No standard library: the snapshot must hold all the calculators import.
  return await loadPyodide(withSnapshot({ stdLibURL: join(assets, "calculators.zip") }, snapshot));
}

const boots = { source: fromSource, plain, snapshot: fromSnapshot };
if (!Object.hasOwn(boots, mode)) throw new Error(`usage: node run_cases.mjs ${Object.keys(boots).join("|")} DIR CASE...`);
// Pyodide's own errors come with a minified line of megabytes: say what failed, briefly.
const pyodide = await boots[mode]().catch((error) => {
  process.stderr.write(`booting Pyodide (${mode}) failed: ${String(error?.message ?? error).slice(0, 3000)}\n`);
  process.exit(1);
});
const respond = pyodide.pyimport(API_MODULE).respond;
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const optimize = pyodide.runPython("sys.flags.optimize");
const columns = pyodide.runPython("next((lambda: 0).__code__.co_positions())[2] is not None");
process.stdout.write(JSON.stringify({ python: version, optimize, columns }) + "\n");
for (const path of cases) {
  const { calculator, inputs, currency = "USD" } = JSON.parse(readFileSync(path, "utf8"));
  const answer = respond(JSON.stringify({ calculator, inputs, currency }));
  process.stdout.write(JSON.stringify({ case: path, answer }) + "\n");
}
