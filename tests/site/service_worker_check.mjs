// Runs the guide's service worker (overrides/hooks/service_worker.js, with a
// stand-in manifest in front, as the build writes one) in a Node VM with stand-ins for a
// service worker's globals, and prints what it did as JSON lines, one per check:
//   node service_worker_check.mjs SERVICE_WORKER.js
// The checks: a full disk while saving is logged and the install still
// completes; files outside the site are left to the browser; a page falls back
// to its saved copy, marked, when the network fails; a build's own files come
// from the copy without the network; a page online is the network's at once,
// saved meanwhile; activating drops every other cache and tells the pages its
// build.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const [source] = process.argv.slice(2);
const SCOPE = "https://guide.example/sub/";
const MANIFEST = {
  build: "b2",
  cache: "walkaway-new",
  files: ["", "when-to-walk/", "assets/walkaway/b2/worker.js"],
  immutable: ["assets/walkaway/b2/"],
};

function makeCaches({ quotaAfter = Infinity } = {}) {
  const stores = new Map();
  let puts = 0;
  const open = async (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name);
    return {
      match: async (url) => store.get(String(url))?.clone(),
      put: async (url, response) => {
        if (++puts > quotaAfter) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
        store.set(String(url), response);
      },
    };
  };
  return {
    stores,
    api: {
      open,
      keys: async () => [...stores.keys()],
      delete: async (name) => stores.delete(name),
    },
  };
}

function load({ caches, network }) {
  const listeners = {};
  const warnings = [];
  const posted = [];
  let skipped = false;
  const context = {
    MANIFEST,
    URL,
    Response,
    console: { warn: (message) => warnings.push(message) },
    caches: caches.api,
    fetch: network,
    self: {
      registration: { scope: SCOPE },
      addEventListener: (type, listener) => {
        listeners[type] = listener;
      },
      skipWaiting: async () => {
        skipped = true;
      },
      clients: {
        claim: async () => {},
        matchAll: async () => [{ postMessage: (message) => posted.push(message) }],
      },
    },
  };
  const code = `const MANIFEST = this.MANIFEST;\n${readFileSync(source, "utf8")}`;
  vm.runInNewContext(code, context);
  const dispatch = async (type, event = {}) => {
    let waited = null;
    let responded = null;
    listeners[type]({
      ...event,
      waitUntil: (promise) => {
        waited = promise;
      },
      respondWith: (promise) => {
        responded = promise;
      },
    });
    await waited;
    return responded;
  };
  return { dispatch, warnings, posted, skipped: () => skipped };
}

const page = (text) => new Response(`<!doctype html><html lang="en"><p>${text}</p></html>`, { status: 200 });
const report = (check, value) => process.stdout.write(JSON.stringify({ check, ...value }) + "\n");

// A full disk while saving: logged, and the install completes.
{
  const caches = makeCaches({ quotaAfter: 1 });
  const sw = load({ caches, network: async () => page("fresh") });
  let failed = null;
  await sw.dispatch("install").catch((error) => {
    failed = String(error);
  });
  report("quota", { failed, warnings: sw.warnings.length, skipped: sw.skipped() });
}

// Outside the site, and a POST: left to the browser.
{
  const sw = load({ caches: makeCaches(), network: async () => page("x") });
  const elsewhere = await sw.dispatch("fetch", { request: { method: "GET", url: "https://cdn.example/x.js" } });
  const posting = await sw.dispatch("fetch", { request: { method: "POST", url: SCOPE } });
  report("ignored", { elsewhere: elsewhere === null, posting: posting === null });
}

// A page with the network down: its saved copy, marked as such.
{
  const caches = makeCaches();
  let online = true;
  const sw = load({
    caches,
    network: async () => {
      if (!online) throw new TypeError("offline");
      return page("saved");
    },
  });
  await sw.dispatch("install");
  online = false;
  const response = await sw.dispatch("fetch", {
    request: { method: "GET", url: `${SCOPE}when-to-walk/`, mode: "navigate" },
  });
  const html = await response.text();
  report("offline page", { marked: html.includes("<html data-walkaway-offline"), saved: html.includes("saved") });
}

// A build's own file: the copy, and no network at all.
{
  const caches = makeCaches();
  let asked = 0;
  const sw = load({
    caches,
    network: async () => {
      asked += 1;
      return page("worker");
    },
  });
  await sw.dispatch("install");
  const before = asked;
  const response = await sw.dispatch("fetch", {
    request: { method: "GET", url: `${SCOPE}assets/walkaway/b2/worker.js?boot=plain`, mode: "cors" },
  });
  report("immutable", { fromCopy: Boolean(response) && asked === before });
}

// A page online: the network's answer at once, its copy saved meanwhile (a
// slow disk doesn't hold the page up).
{
  const caches = makeCaches();
  const sw = load({ caches, network: async () => page("fresh") });
  await sw.dispatch("install");
  const cache = await caches.api.open(MANIFEST.cache);
  let release;
  const put = cache.put;
  const slowDisk = new Promise((resolve) => {
    release = resolve;
  });
  const slowCaches = {
    ...caches.api,
    open: async () => ({ ...cache, put: async (...args) => slowDisk.then(() => put(...args)) }),
  };
  const slow = load({ caches: { api: slowCaches }, network: async () => page("fresher") });
  const url = `${SCOPE}when-to-walk/`;
  // Waiting on the disk would hold the page for ever: give up after a second.
  const response = await Promise.race([
    slow.dispatch("fetch", { request: { method: "GET", url, mode: "navigate" } }),
    new Promise((resolve) => setTimeout(() => resolve(null), 1000)),
  ]);
  const html = response ? await response.text() : "";
  const before = await (await cache.match(url)).text();
  release();
  await slowDisk;
  await new Promise((resolve) => setTimeout(resolve));
  const after = await (await cache.match(url)).text();
  report("online page", {
    fresh: html.includes("fresher"),
    savedBefore: before.includes("fresher"),
    savedAfter: after.includes("fresher"),
  });
}

// Activating: every other cache of ours goes, others' stay, and pages hear the build.
{
  const caches = makeCaches();
  await (await caches.api.open("walkaway-old")).put("x", page("old"));
  await (await caches.api.open("walkaway-runtime-b1")).put("y", page("old"));
  await (await caches.api.open("someone-else")).put("z", page("theirs"));
  const sw = load({ caches, network: async () => page("fresh") });
  await sw.dispatch("install");
  await sw.dispatch("activate");
  report("activate", { caches: [...caches.stores.keys()].sort(), posted: sw.posted });
}
