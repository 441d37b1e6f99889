// The guide's service worker, published as sw.js at the site's root with its
// build's manifest written in front of it by the build hook (walkaway.py):
//   const MANIFEST = { build, cache, files: [paths from the root], immutable: [folders] };
// It keeps a copy of the site's own files, and nothing else: the pages, the
// theme, the search index, the runtime, the package and the snapshot, so that
// after one visit the whole guide reads, and every calculator computes, offline.
// A reader's numbers never reach it (they live in the address's fragment, which
// no request carries, and in localStorage), nor does any answer (computed in
// the calculators' worker, which fetches nothing but these files).
//
// Pages and other files: the network first (a reader online always gets the
// current site), the copy when the network fails, and the page says it is
// showing the saved copy. Files in a build's folder, and the theme's files
// named by their contents, never change: the copy first.
// A new build's worker copies what it can from the other caches (an unchanged
// runtime keeps its address; on a first visit the calculators' worker has put
// aside what it downloaded), then drops every other cache as a whole.

const SCOPE = self.registration.scope;
const CACHE_PREFIX = "walkaway-";
const address = (path) => new URL(path, SCOPE).href;
const PAGES = new Set(MANIFEST.files.map(address));
const IMMUTABLE = MANIFEST.immutable.map(address);

const isImmutable = (url) => IMMUTABLE.some((folder) => url.startsWith(folder));

const fromOtherCaches = async (url) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === MANIFEST.cache) continue;
    const found = await (await caches.open(name)).match(url);
    if (found) return found;
  }
  return null;
};

// Copy every file of the manifest; a full disk is logged, and the guide stays
// as usable online as without a service worker.
const precache = async () => {
  const cache = await caches.open(MANIFEST.cache);
  for (const url of PAGES) {
    if (await cache.match(url)) continue;
    // A build's own files never change: the browser's cache may answer (the page
    // has usually just downloaded the runtime). Any other file is checked afresh.
    const immutable = isImmutable(url);
    const response =
      (immutable && (await fromOtherCaches(url))) || (await fetch(url, { cache: immutable ? "default" : "no-cache" }));
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    try {
      await cache.put(url, response);
    } catch (error) {
      if (error?.name !== "QuotaExceededError") throw error;
      console.warn(`Walkaway: no room left to save the guide for offline reading (${url}); it works online as usual.`);
      return;
    }
  }
};

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== MANIFEST.cache) await caches.delete(name);
      }
      await self.clients.claim();
      // Pages of another build reload (freshness.js): their files are gone.
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ type: "walkaway-build", build: MANIFEST.build });
      }
    })(),
  );
});

// The saved copy of a page, marked so the page can say it is the saved copy.
const savedPage = async (cached) => {
  const html = (await cached.text()).replace("<html", "<html data-walkaway-offline");
  return new Response(html, { status: cached.status, headers: cached.headers });
};

// The network's answer is the page's at once; the copy is saved meanwhile.
// (Not with navigation preload: with it, Firefox ESR fails a navigation
// offline, NS_ERROR_NET_RESET, although this worker answers from the copy.)
const networkFirst = async (event, url, cache) => {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(cache.put(url, response.clone()).catch(() => {})); // a full disk keeps the old copy
    return response;
  } catch (error) {
    const cached = await cache.match(url);
    if (!cached) throw error;
    return request.mode === "navigate" ? savedPage(cached) : cached;
  }
};

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = request.url.split("#")[0].split("?")[0];
  if (!PAGES.has(url)) return; // not one of the site's files: the browser's business
  event.respondWith(
    (async () => {
      const cache = await caches.open(MANIFEST.cache);
      if (isImmutable(url)) return (await cache.match(url)) ?? fetch(request);
      return networkFirst(event, url, cache);
    })(),
  );
});
