// The calculators' worker: boots Pyodide from this site, unpacks the
// calculators package (built from the tested source at build time) and
// answers the page's requests. It holds no domain logic: every number and
// every word of a result comes from calculators.api.respond.
//
// Protocol: the page sends {id, type} messages; every reply carries the id.
//   {type: "load"}                                  -> {type: "ready", ms}
//   {type: "compute", calculator, inputs, currency} -> {type: "result", answer}
// Progress while loading is broadcast as {type: "progress", stage, step, steps}.
// Any failure answers {type: "error", message}; an unknown type is an error.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const PACKAGE_URL = new URL("calculators.zip", import.meta.url);
const RUNTIME_URL = new URL("../pyodide/", import.meta.url);
const SITE_PACKAGES = "/home/pyodide/walkaway";

let booting = null; // the promise of `respond`, once loading has started

function progress(stage, step) {
  postMessage({ type: "progress", stage, step, steps: 3 });
}

async function boot() {
  const started = performance.now();
  progress("runtime", 1);
  const archive = fetch(PACKAGE_URL).then((response) => {
    if (!response.ok) throw new Error(`the calculators package failed to load (${response.status})`);
    return response.arrayBuffer();
  });
  const pyodide = await loadPyodide({ indexURL: RUNTIME_URL.href });
  progress("package", 2);
  pyodide.unpackArchive(await archive, "zip", { extractDir: SITE_PACKAGES });
  progress("import", 3);
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(SITE_PACKAGES)})`);
  const respond = pyodide.pyimport("calculators.api").respond;
  return { respond, ms: performance.now() - started };
}

function runtime() {
  booting ??= boot().catch((error) => {
    booting = null; // let the next request retry
    throw error;
  });
  return booting;
}

const handlers = {
  async load() {
    const { ms } = await runtime();
    return { type: "ready", ms };
  },
  async compute({ calculator, inputs, currency }) {
    const { respond } = await runtime();
    const answer = JSON.parse(respond(JSON.stringify({ calculator, inputs, currency })));
    return { type: "result", answer };
  },
};

self.onmessage = async ({ data }) => {
  const { id, type } = data ?? {};
  try {
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : null;
    if (!handler) throw new Error(`unknown request type: ${type}`);
    postMessage({ id, ...(await handler(data)) });
  } catch (error) {
    postMessage({ id, type: "error", message: String(error?.message ?? error) });
  }
};
