// The calculators' memory snapshot as the build publishes it: Pyodide's own
// snapshot, less the runtime's initial memory. That memory (the WebAssembly
// module's data, which every reader downloads anyway) is XORed out of the
// snapshot, where most of it sits unchanged: the rest compresses to a quarter
// less. The memory the runtime has right after instantiation puts it back.
// Plain data and typed arrays only: the worker and the build's Node scripts
// import it.
//
// Layout, before compression: "WAKD", then three little-endian u32s (where the
// memory starts in Pyodide's snapshot, how many of its bytes were XORed, 0),
// then Pyodide's snapshot.

const MAGIC = [0x57, 0x41, 0x4b, 0x44]; // "WAKD"
export const HEADER_BYTES = 16;

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
  const out = new Uint8Array(HEADER_BYTES + snapshot.length);
  out.set(MAGIC);
  const header = new DataView(out.buffer);
  header.setUint32(4, memoryStart, true);
  header.setUint32(8, length, true);
  out.set(snapshot, HEADER_BYTES);
  const memory = out.subarray(HEADER_BYTES + memoryStart, HEADER_BYTES + memoryStart + length);
  xor(memory, initialMemory.subarray(0, length));
  return out;
}

// Read a published snapshot: Pyodide's bytes (a view, still XORed) and how to
// finish them once the runtime is instantiated. Anything else is not ours.
export function decodeSnapshot(bytes) {
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new Error("not a calculators snapshot");
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const start = header.getUint32(4, true);
  const length = header.getUint32(8, true);
  const snapshot = bytes.subarray(HEADER_BYTES);
  if (start + length > snapshot.length) throw new Error("a calculators snapshot cut short");
  return {
    snapshot,
    // Put the runtime's initial memory back, in place, before Pyodide restores.
    finish(memory) {
      xor(snapshot.subarray(start, start + length), new Uint8Array(memory.buffer, 0, length));
    },
  };
}
