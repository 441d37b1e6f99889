// Runs golden cases inside Pyodide under Node, with the package straight from
// the source tree: node run_golden.mjs PACKAGE_DIR CASE.json... prints one JSON
// line per case: {"case": path, "answer": <calculators.api.respond's text>}.
// Nothing is fetched: Pyodide loads from node_modules, the package from disk.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const [packageDir, ...cases] = process.argv.slice(2);
const pyodide = await loadPyodide();
const target = "/home/pyodide/walkaway/calculators";
pyodide.FS.mkdirTree(target);
for (const name of readdirSync(packageDir)) {
  if (name.endsWith(".py") || name === "py.typed") {
    pyodide.FS.writeFile(join(target, name), readFileSync(join(packageDir, name)));
  }
}
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/walkaway')");
const respond = pyodide.pyimport("calculators.api").respond;
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version }) + "\n");
for (const path of cases) {
  const { calculator, inputs } = JSON.parse(readFileSync(path, "utf8"));
  const answer = respond(JSON.stringify({ calculator, inputs }));
  process.stdout.write(JSON.stringify({ case: path, answer }) + "\n");
}
