// Where a calculator's inputs are kept: in the address's fragment (#walk=...),
// which browsers never send to a server, and saved in this browser's
// localStorage under walkaway: keys, with its last result for other
// calculators to offer. Encoding and keeping only; what the inputs mean is
// the Python package's business.

const INPUTS = "walkaway:inputs:";
// The calculator whose saved inputs every other one starts from (plan.js).
export const PLAN = "plan";
const RESULT = "walkaway:result:";
// A link's inputs are a few kilobytes at most; anything far longer was not
// made by this page.
const MAX_LINK_CHARS = 20_000;

// ------------------------------------------------------------------ encoding

function encode(inputs) {
  const bytes = new TextEncoder().encode(JSON.stringify(inputs));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// The inputs `encode` made, or an error for anything it couldn't have made.
export function decode(text) {
  if (text.length > MAX_LINK_CHARS) throw new Error("too long");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const inputs = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) throw new Error("not an object");
  return inputs;
}

// ------------------------------------------------------------------ the address

// A plain heading anchor (#section) carries no value and is dropped once a
// calculator writes its inputs.
function hashParams() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  return params;
}

function linkTo(params) {
  const hash = params.toString();
  return location.pathname + location.search + (hash ? `#${hash}` : "");
}

function writeHash(name, inputs) {
  const params = hashParams();
  if (inputs) params.set(name, encode(inputs));
  else params.delete(name);
  history.replaceState(history.state, "", linkTo(params));
}

// The encoded inputs a link gave this calculator, or null.
export function linkedInputs(name) {
  return hashParams().get(name);
}

export function dropLink(name) {
  writeHash(name, null);
}

// A link to this page that opens this calculator on these inputs.
export function shareLink(name, inputs) {
  return new URL(linkTo(new URLSearchParams({ [name]: encode(inputs) })), location.href).href;
}

// ------------------------------------------------------------------ this browser

const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Storage full or disabled: the address still holds the inputs.
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing saved to remove.
    }
  },
  clearAll() {
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith("walkaway:")) localStorage.removeItem(key);
      }
    } catch {
      // Storage disabled: nothing was saved.
    }
  },
};

// The encoded inputs saved for this calculator, or null.
export function savedInputs(name) {
  return storage.get(INPUTS + name);
}

export function forgetSavedInputs(name) {
  storage.remove(INPUTS + name);
}

// Inputs that computed: saved, and in the address, so a reload or a link works.
export function keepInputs(name, inputs) {
  storage.set(INPUTS + name, encode(inputs));
  writeHash(name, inputs);
}

// Inputs saved for another calculator than this page's (the address is this page's).
export function keepSavedInputs(name, inputs) {
  storage.set(INPUTS + name, encode(inputs));
}

export function keepResult(name, result) {
  storage.set(RESULT + name, JSON.stringify(result));
}

// The last result saved by a calculator (undefined if none, or not one this page saved).
export function savedResult(name) {
  try {
    return JSON.parse(storage.get(RESULT + name) ?? "null");
  } catch {
    storage.remove(RESULT + name); // not something this page saved
    return undefined;
  }
}

// How many times the reader has had everything forgotten: numbers waiting to
// be kept from before then are not kept (calculator.js).
let forgotten = 0;
export const timesForgotten = () => forgotten;

// Every calculator's numbers, saved or in the address.
export function forgetEverything() {
  forgotten += 1;
  storage.clearAll();
  for (const name of hashParams().keys()) writeHash(name, null);
}
