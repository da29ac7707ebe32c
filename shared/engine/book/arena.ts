/**
 * Where schedule columns live. A fleet of 100,000 lots has 400,000 non-zero columns (~400 MB):
 * one ArrayBuffer each would keep the garbage collector busy with external-memory pressure, so a
 * fleet's columns are views into one block sized up front, and lots computed one at a time take
 * views out of 512 KB chunks. A block or chunk is freed when no column cut from it is referenced.
 * Columns are fresh zeroed memory, never handed out twice.
 */
export type TakeColumn = (length: number) => Float64Array;

const CHUNK_LENGTH = 1 << 16;
/** Above this (1 GB of doubles) a fleet falls back to chunks rather than one allocation. */
const MAX_BLOCK_LENGTH = 1 << 27;

let chunk = new Float64Array(0);
let used = 0;

/** A column out of the shared chunks (for lots computed one at a time). */
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

/** Columns out of one block of `totalLength` doubles (for a whole fleet). */
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

/** A copy of the first `length` values of `source` out of the shared chunks. */
export function copyF64(source: Float64Array, length: number): Float64Array {
  const column = takeFromChunks(length);
  column.set(source.subarray(0, length));
  return column;
}
