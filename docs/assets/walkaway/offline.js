// Reading offline: registers the guide's service worker (sw.js, at the site's
// root: it keeps a copy of the site's own files after one visit), says so on
// the page when what shows is that saved copy, and reloads a page whose build
// a newer service worker has replaced. Without service workers, or when one
// fails to install, the guide works online exactly as it would without.

import { BUILD } from "./build.js";
import { loadedAndKept, pythonProblem } from "./client.js";
import { reloadForNewBuild } from "./freshness.js";

const REGISTER_WITHIN_MS = 10_000;
const NOTICE = "You're offline: this is the copy of the guide saved on this device. " +
  "The calculators work as usual; nothing you type leaves the device.";

function offline() {
  return !navigator.onLine || document.documentElement.hasAttribute("data-walkaway-offline");
}

// Show (or take away) the notice at the top of the page's content.
export function showOffline() {
  const content = document.querySelector(".md-content__inner") ?? document.body;
  let notice = document.querySelector(".wa-offline");
  if (!offline()) {
    notice?.remove();
    return;
  }
  if (!notice) {
    notice = document.createElement("p");
    notice.className = "wa-offline";
    notice.setAttribute("role", "status");
    notice.textContent = NOTICE;
  }
  if (notice.parentElement !== content) content.prepend(notice);
}

// Once the page has loaded, and its calculators' runtime too when it has one,
// with the copies the worker put aside stored: the service worker then saves
// the runtime from those rather than downloading it a second time.
async function settled() {
  if (document.readyState !== "complete") await new Promise((done) => addEventListener("load", done, { once: true }));
  // The page's load event may come before the calculators start loading.
  if (document.querySelector(".wa-calc") && !pythonProblem()) await loadedAndKept();
}

// The runtime the calculators' worker puts aside for the service worker to save.
function forgetPutAside() {
  caches
    .keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("walkaway-runtime-")).map((n) => caches.delete(n))))
    .catch(() => {});
}

// Register the service worker and follow the network coming and going.
export function keepOffline() {
  addEventListener("online", () => {
    document.documentElement.removeAttribute("data-walkaway-offline");
    showOffline();
  });
  addEventListener("offline", showOffline);
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type === "walkaway-build" && data.build !== BUILD) reloadForNewBuild(data.build);
  });
  const root = new URL("../../../", import.meta.url);
  settled()
    .then(() => {
      const registering = navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname });
      // A browser may also never answer (service workers turned off by policy).
      const noAnswer = new Promise((_, fail) => setTimeout(() => fail(new Error("no answer")), REGISTER_WITHIN_MS));
      return Promise.race([registering, noAnswer]);
    })
    .then((registration) => {
      // A service worker that fails to install leaves no saved copy: nor should the
      // runtime the calculators' worker put aside for it (worker.js).
      registration.installing?.addEventListener("statechange", ({ target }) => {
        if (target.state === "redundant" && !registration.active) forgetPutAside();
      });
    })
    .catch((error) => {
      forgetPutAside();
      console.warn(`Walkaway: the guide can't be saved for offline reading here (${error?.message ?? error}).`);
    });
}
