// Which build this is, where its Pyodide is, and its lock file's contents.
// The build hook replaces this file in the folder it publishes
// (assets/walkaway/<build>/) with the real values; this one is what the
// source tree's modules see.
export const BUILD = "source";
export const PYODIDE_URL = new URL("../pyodide/", import.meta.url);
// Unknown in the source tree: Pyodide fetches its lock file itself.
export const PYODIDE_LOCK = null;
