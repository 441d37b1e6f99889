// Answers stored cases inside Pyodide under Node, with the package straight
// from the source tree: node run_cases.mjs PACKAGE_DIR CASE.json... prints a
// line {"python": version}, then one JSON line per case:
// {"case": path, "answer": <calculators.api.respond's text>}.
// Nothing is fetched: Pyodide loads from node_modules, the package from disk,
// and it goes where the worker puts it (protocol.js).
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { loadPyodide } from "pyodide";
import { API_MODULE, PACKAGE_DIR } from "../../docs/assets/walkaway/protocol.js";

const [packageDir, ...cases] = process.argv.slice(2);
const pyodide = await loadPyodide();
const home = PACKAGE_DIR;

// The package's files, subpackages included, as the build's zip holds them.
function copyTree(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const target = `${home}/calculators/${relative(packageDir, path)}`;
    if (entry.isDirectory() && entry.name !== "__pycache__") {
      pyodide.FS.mkdirTree(target);
      copyTree(path);
    } else if (entry.name.endsWith(".py") || entry.name === "py.typed") {
      pyodide.FS.writeFile(target, readFileSync(path));
    }
  }
}
pyodide.FS.mkdirTree(`${home}/calculators`);
copyTree(packageDir);
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(home)})`);
const respond = pyodide.pyimport(API_MODULE).respond;
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version }) + "\n");
for (const path of cases) {
  const { calculator, inputs, currency = "USD" } = JSON.parse(readFileSync(path, "utf8"));
  const answer = respond(JSON.stringify({ calculator, inputs, currency }));
  process.stdout.write(JSON.stringify({ case: path, answer }) + "\n");
}
