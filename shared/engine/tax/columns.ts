/**
 * Where the tax book's columns live: views cut from 512 KB chunks rather than one ArrayBuffer per
 * column (10,000 lots x 8 columns of separate buffers kept the garbage collector busy; chunks this
 * size are recycled by the allocator without fresh page faults). A chunk is freed when no column
 * cut from it is referenced. Columns are fresh zeroed memory, never handed out twice.
 * (The same scheme as the book engine's arena; kept here so the two can evolve apart.)
 */
const CHUNK_LENGTH = 1 << 16;

let chunk = new Float64Array(0);
let used = 0;

/** A zeroed column of `length` doubles. */
export function takeColumn(length: number): Float64Array {
  if (length > CHUNK_LENGTH >> 3) return new Float64Array(length);
  if (used + length > chunk.length) {
    chunk = new Float64Array(CHUNK_LENGTH);
    used = 0;
  }
  const column = new Float64Array(chunk.buffer, used * 8, length);
  used += length;
  return column;
}
