// The floor: boot the same vendored Pyodide the guide publishes, evaluate 1+1.
// (The benchmark points assets/pyodide/ at the build's versioned folder.)
import { loadPyodide } from "../../assets/pyodide/pyodide.mjs";

self.onmessage = async ({ data }) => {
  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL: new URL("../../assets/pyodide/", import.meta.url).href });
  const value = pyodide.runPython(data);
  postMessage({ value, ms: performance.now() - started });
};
