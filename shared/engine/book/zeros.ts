/**
 * Shared read-only zero columns, one per length: most lots have no disposals, impairments or flags,
 * and a fleet of 100,000 lots cannot afford a private zero array for each of those columns.
 */
const f64ByLength: Float64Array[] = [];
const u8ByLength: Uint8Array[] = [];

export function zerosF64(length: number): Float64Array {
  return (f64ByLength[length] ??= new Float64Array(length));
}

export function zerosU8(length: number): Uint8Array {
  return (u8ByLength[length] ??= new Uint8Array(length));
}

/** True for a shared zero column (sums may skip it). */
export function isSharedZero(a: Float64Array): boolean {
  return f64ByLength[a.length] === a;
}
