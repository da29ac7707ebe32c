/**
 * Where schedule columns live (the book and tax engines share it). A fleet of 100,000 lots has
 * 400,000 non-zero columns: one ArrayBuffer each keeps the garbage collector busy, so columns are
 * views cut from larger buffers. A buffer is freed when no column cut from it is referenced.
 * Columns are fresh zeroed memory, never handed out twice.
 */
export type TakeColumn = (length: number) => Float64Array;

/**
 * 64 KB: few enough buffers for the garbage collector, small enough for the allocator to recycle
 * freed chunks (no fresh page faults), and a kept column pins at most 64 KB (a lot recomputed after
 * each edit leaves its old chunk to the collector once the chunk's other columns are gone too).
 */
const CHUNK_LENGTH = 1 << 13;
/** Above this (1 GB of doubles) a block falls back to chunks rather than one allocation. */
const MAX_BLOCK_LENGTH = 1 << 27;

let chunk = new Float64Array(0);
let used = 0;

/** A zeroed column cut from the shared chunks (what the book engine uses). */
export const takeFromChunks: TakeColumn = (length) => {
  if (length > CHUNK_LENGTH >> 3) return new Float64Array(length);
  if (used + length > chunk.length) {
    chunk = new Float64Array(CHUNK_LENGTH);
    used = 0;
  }
  const column = new Float64Array(chunk.buffer, used * 8, length);
  used += length;
  return column;
};

/** Columns cut from one block of `totalLength` doubles reserved up front (chunks once it is used up). */
export function takeFromBlock(totalLength: number): TakeColumn {
  if (totalLength > MAX_BLOCK_LENGTH) return takeFromChunks;
  const block = new Float64Array(totalLength);
  let offset = 0;
  return (length) => {
    if (offset + length > totalLength) return takeFromChunks(length);
    const column = new Float64Array(block.buffer, offset * 8, length);
    offset += length;
    return column;
  };
}

/** A column holding a copy of the first `length` values of `source`. */
export function copyF64(source: Float64Array, length: number): Float64Array {
  const column = takeFromChunks(length);
  column.set(source.subarray(0, length));
  return column;
}
