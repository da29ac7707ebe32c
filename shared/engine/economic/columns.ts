/**
 * Where the per-lot columns live. One ArrayBuffer per lot and column would mean 80,000 allocations
 * for 10,000 lots, and one buffer per column across all lots is large enough to be mapped fresh
 * (page faults) on every run; columns are therefore views cut from 512 KB chunks, which the
 * allocator recycles. A chunk is freed when no column cut from it is referenced. Columns are zeroed
 * and never handed out twice. (Same idea as shared/engine/book/arena.ts, kept local to this engine.)
 */
const CHUNK_BYTES = 1 << 19;

let f64 = new Float64Array(0);
let f64Used = 0;
let u8 = new Uint8Array(0);
let u8Used = 0;

export function takeF64(length: number): Float64Array {
  if (length > CHUNK_BYTES >> 5) return new Float64Array(length);
  if (f64Used + length > f64.length) {
    f64 = new Float64Array(CHUNK_BYTES >> 3);
    f64Used = 0;
  }
  const c = f64.subarray(f64Used, f64Used + length);
  f64Used += length;
  return c;
}

export function takeU8(length: number): Uint8Array {
  if (length > CHUNK_BYTES >> 5) return new Uint8Array(length);
  if (u8Used + length > u8.length) {
    u8 = new Uint8Array(CHUNK_BYTES);
    u8Used = 0;
  }
  const c = u8.subarray(u8Used, u8Used + length);
  u8Used += length;
  return c;
}

/** A scratch Float64Array of at least `length`, reused across calls (contents are not cleared). */
const scratch: Float64Array[] = [];
export function scratchF64(slot: number, length: number): Float64Array {
  let a = scratch[slot];
  if (!a || a.length < length) {
    a = new Float64Array(Math.max(length, a ? a.length * 2 : 0));
    scratch[slot] = a;
  }
  return a;
}

let scratchU8Buf = new Uint8Array(0);
export function scratchU8(length: number): Uint8Array {
  if (scratchU8Buf.length < length) scratchU8Buf = new Uint8Array(Math.max(length, scratchU8Buf.length * 2));
  return scratchU8Buf;
}
