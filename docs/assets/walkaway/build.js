// Which build this is, and where its Pyodide is. The build hook replaces this
// file in the folder it publishes (assets/walkaway/<build>/) with the real
// values; this one is what the source tree's modules see.
export const BUILD = "source";
export const PYODIDE_URL = new URL("../pyodide/", import.meta.url);
