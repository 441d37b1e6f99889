// The calculators' memory snapshot as the build publishes it: Pyodide's own
// snapshot, less the runtime's initial memory, less its zero pages. That
// memory (the WebAssembly module's data, which every reader downloads anyway)
// is XORed out of the snapshot, where most of it sits unchanged: the rest
// compresses to a quarter less. What is left is two thirds zeros, which are
// left out page by page: the worker then inflates a third of the bytes (the
// inflating, not the download, is what a return visit waits for). The memory
// the runtime has right after instantiation puts it back.
// Plain data and typed arrays only: the worker and the build's Node scripts
// import it.
//
// Layout, before compression: "WAKD", then three little-endian u32s (where the
// memory starts in Pyodide's snapshot, how many of its bytes were XORed, the
// snapshot's full length), then one bit per PAGE bytes of it (1: the page is
// stored; least significant bit first), then the stored pages in order (the
// last one may be short).

const MAGIC = [0x57, 0x41, 0x4b, 0x44]; // "WAKD"
const HEADER_BYTES = 16;
export const PAGE = 4096;

function xor(target, source) {
  const aligned = target.byteOffset % 4 === 0 && source.byteOffset % 4 === 0 && target.length % 4 === 0;
  if (aligned) {
    const words = new Uint32Array(target.buffer, target.byteOffset, target.length / 4);
    const other = new Uint32Array(source.buffer, source.byteOffset, source.length / 4);
    for (let i = 0; i < words.length; i++) words[i] ^= other[i];
  } else {
    for (let i = 0; i < target.length; i++) target[i] ^= source[i];
  }
}

// The published form of `snapshot` (Pyodide's bytes, whose memory starts at
// `memoryStart`), given the runtime's memory right after instantiation.
export function encodeSnapshot(snapshot, memoryStart, initialMemory) {
  let length = initialMemory.length;
  while (length > 0 && initialMemory[length - 1] === 0) length--;
  length = Math.min(Math.ceil(length / 4) * 4, snapshot.length - memoryStart);
  const full = snapshot.slice();
  xor(full.subarray(memoryStart, memoryStart + length), initialMemory.subarray(0, length));
  const pages = Math.ceil(full.length / PAGE);
  const bitmap = new Uint8Array(Math.ceil(pages / 8));
  const stored = [];
  for (let page = 0; page < pages; page++) {
    const bytes = full.subarray(page * PAGE, (page + 1) * PAGE);
    if (bytes.some((byte) => byte !== 0)) {
      bitmap[page >> 3] |= 1 << (page & 7);
      stored.push(bytes);
    }
  }
  const size = stored.reduce((sum, bytes) => sum + bytes.length, 0);
  const out = new Uint8Array(HEADER_BYTES + bitmap.length + size);
  out.set(MAGIC);
  const header = new DataView(out.buffer);
  header.setUint32(4, memoryStart, true);
  header.setUint32(8, length, true);
  header.setUint32(12, full.length, true);
  out.set(bitmap, HEADER_BYTES);
  let at = HEADER_BYTES + bitmap.length;
  for (const bytes of stored) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

// Read a published snapshot: Pyodide's bytes (still XORed) and how to finish
// them once the runtime is instantiated. Anything else is not ours.
export function decodeSnapshot(bytes) {
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new Error("not a calculators snapshot");
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const start = header.getUint32(4, true);
  const length = header.getUint32(8, true);
  const total = header.getUint32(12, true);
  const pages = Math.ceil(total / PAGE);
  const bitmap = bytes.subarray(HEADER_BYTES, HEADER_BYTES + Math.ceil(pages / 8));
  const snapshot = new Uint8Array(total); // zeros, but for the stored pages
  let at = HEADER_BYTES + bitmap.length;
  for (let page = 0; page < pages; page++) {
    if (!(bitmap[page >> 3] & (1 << (page & 7)))) continue;
    const size = Math.min(PAGE, total - page * PAGE);
    if (at + size > bytes.length) throw new Error("a calculators snapshot cut short");
    snapshot.set(bytes.subarray(at, at + size), page * PAGE);
    at += size;
  }
  if (at !== bytes.length || start + length > total) throw new Error("a calculators snapshot out of shape");
  return {
    snapshot,
    // Put the runtime's initial memory back, in place, before Pyodide restores.
    finish(memory) {
      xor(snapshot.subarray(start, start + length), new Uint8Array(memory.buffer, 0, length));
    },
  };
}
