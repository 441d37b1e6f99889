// Every build's files live in a folder of their own (assets/walkaway/<build>/),
// so a page can't mix two builds' files. What can still happen after a new
// deploy: instant navigation brings a new page to scripts of the old build, or
// a new service worker takes over. Then the page reloads, once, cleanly: the
// reader's numbers are saved with every result, and come back.

import { BUILD } from "./build.js";

const GUARD = "walkaway:reloaded-for";

// The build the page's HTML was made by (main.html marks the content with it).
function pageBuild() {
  return document.querySelector("[data-walkaway-build]")?.dataset.walkawayBuild ?? BUILD;
}

// Reload to get the new build's scripts, unless that was just tried for the same
// pair of builds (a reload that can't fix it would only loop).
export function reloadForNewBuild(theirs) {
  const pair = `${BUILD}->${theirs}`;
  try {
    if (sessionStorage.getItem(GUARD) === pair) return false;
    sessionStorage.setItem(GUARD, pair);
  } catch {
    // No session storage: reload anyway, a loop is bounded by the browser's cache.
  }
  location.reload();
  return true;
}

// Whether this page's scripts are of the build its HTML names; reloads when not.
export function scriptsMatchPage() {
  const theirs = pageBuild();
  return theirs === BUILD || !reloadForNewBuild(theirs);
}
