// ESLint for the project's JavaScript (`make lint`): the browser glue, the
// build's Node scripts, the Pyodide test runner and the benchmark's pages,
// each with the globals of where it runs.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Built output, installed packages and caches are not ours to lint.
  { ignores: [".venv/", "site/", ".cache/", "build/", "dist/", "test-results/"] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: {} },
    rules: {
      eqeqeq: ["error", "smart"], // `== null` means null or undefined, on purpose
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false, classes: true, variables: true }],
    },
  },
  // The page's modules: a browser window, with Material's `document$`.
  {
    files: ["docs/assets/walkaway/*.js"],
    ignores: [
      "docs/assets/walkaway/worker.js",
      "docs/assets/walkaway/protocol.js",
      "docs/assets/walkaway/pyodide-private.js",
    ],
    languageOptions: { globals: { ...globals.browser, document$: "readonly" } },
  },
  // The worker runs in a worker's global scope, not a window.
  {
    files: ["docs/assets/walkaway/worker.js", "benchmarks/bare/*.js", "benchmarks/check/*.js"],
    languageOptions: { globals: globals.worker },
  },
  // The service worker's logic (published as sw.js): a service worker's global
  // scope, with the manifest the build writes in front of it.
  {
    files: ["overrides/hooks/service_worker.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker, MANIFEST: "readonly" } },
  },
  // docs/assets/walkaway/protocol.js is in none of these: the page, the worker
  // and Node all import it, so it may use no global of any one of them.
  // pyodide-private.js, imported by the worker and by the Pyodide test runner
  // under Node, may use only the globals both have: WebAssembly and URL (and globalThis).
  {
    files: ["docs/assets/walkaway/pyodide-private.js"],
    languageOptions: { globals: { WebAssembly: "readonly", URL: "readonly" } },
  },
  // Injected by the benchmark into every page before its scripts: a classic script.
  {
    files: ["benchmarks/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  // Run by Node: the build's snapshot maker, the Pyodide test runner, the
  // service worker's checks, this file.
  {
    files: ["overrides/hooks/*.mjs", "tests/pyodide/*.mjs", "tests/site/*.mjs", "*.mjs"],
    languageOptions: { globals: globals.node },
  },
];
