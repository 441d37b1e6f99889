// The page's client of the calculators' worker (protocol.js): one worker for
// the whole visit, a promise per request tagged with its id, loading with
// progress, and a fresh worker after a failure. It knows no calculator.

import { BUILD } from "./build.js";
import { reloadForNewBuild } from "./freshness.js";
import { MESSAGE } from "./protocol.js";

const WORKER_URL = new URL("worker.js", import.meta.url);

let worker = null;
let runtime = null; // promise of the "ready" reply
let nextId = 1;
const pending = new Map(); // request id -> {resolve, reject}
const progressListeners = new Set();
const stopListeners = new Set();

// Why the calculators' Python can't run here, or "" when it can.
export function pythonProblem() {
  if (location.protocol === "file:") {
    return "This page was opened from a file, and browsers don't run the calculators' Python from files.";
  }
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return "This browser can't run WebAssembly in a worker, which the calculators need.";
  }
  return "";
}

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

function stopWorker(message) {
  worker?.terminate();
  worker = null;
  runtime = null;
  failAll(message);
}

function getWorker() {
  if (worker) return worker;
  // The one the page's head started on a return visit (main.html), already booting.
  worker = window.walkawayWorker ?? new Worker(WORKER_URL, { type: "module" });
  window.walkawayWorker = null;
  worker.onmessage = ({ data }) => {
    if (data.type === MESSAGE.PROGRESS) {
      for (const listener of progressListeners) listener(data);
      return;
    }
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if (data.type === MESSAGE.STALE) reloadForNewBuild(data.message);
    if (data.type === MESSAGE.ERROR || data.type === MESSAGE.STALE) request.reject(new Error(data.message));
    else request.resolve(data);
  };
  // The worker failed to start or threw outside any request: start afresh on
  // the next request, and tell whoever listens so they can say so.
  worker.onerror = (event) => {
    event.preventDefault();
    stopWorker("the calculator stopped unexpectedly");
    for (const listener of stopListeners) listener();
  };
  return worker;
}

// Send one request; the promise settles with its reply (an "error" reply rejects).
function ask(message) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ ...message, id });
  });
}

// The worker's "ready" reply, loading Python first if need be: once per worker.
export function load() {
  if (!runtime) {
    const loadingIn = getWorker();
    // Without a service worker in charge yet (a first visit), the worker keeps
    // copies of what it downloads for the one offline.js registers.
    const keep = "serviceWorker" in navigator && !navigator.serviceWorker.controller;
    runtime = ask({ type: MESSAGE.LOAD, build: BUILD, keep }).catch((error) => {
      // A runtime that failed half-way can't be trusted to load again in the
      // same worker: the next attempt starts a fresh one.
      if (worker === loadingIn) stopWorker("the calculator couldn't load");
      throw error;
    });
  }
  return runtime;
}

// Loads Python if it isn't yet, and settles once loading is over, either way,
// with the copies the worker put aside for the service worker (`keep`) stored.
export async function loadedAndKept() {
  const ready = await load().catch(() => null);
  if (ready) await ask({ type: MESSAGE.KEPT }).catch(() => null);
}

// The "result" reply for one calculator's inputs: {answer, ms}.
export function compute(calculator, inputs, currency) {
  return ask({ type: MESSAGE.COMPUTE, calculator, inputs, currency });
}

// Listen to the worker's progress while it loads ({stage, step, steps}); returns how to stop.
export function onProgress(listener) {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

// Listen for the worker dying outside a request; returns how to stop.
export function onStop(listener) {
  stopListeners.add(listener);
  return () => stopListeners.delete(listener);
}
