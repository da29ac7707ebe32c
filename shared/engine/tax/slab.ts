/**
 * Typed-array columns carved from shared 2 MB ArrayBuffers: one allocation per few hundred lots
 * instead of several per lot (allocation and GC dominated the engine's run time). A view keeps
 * its whole slab alive; when transferring columns between threads, de-duplicate their `.buffer`s.
 */
const SLAB_BYTES = 1 << 21;

export class Slabs {
  private f64: ArrayBuffer | null = null;
  private f64Used = 0;
  private u8: ArrayBuffer | null = null;
  private u8Used = 0;

  /** A zeroed Float64Array of n elements. */
  doubles(n: number): Float64Array {
    const bytes = n * 8;
    if (!this.f64 || this.f64Used + bytes > this.f64.byteLength) {
      this.f64 = new ArrayBuffer(Math.max(bytes, SLAB_BYTES));
      this.f64Used = 0;
    }
    const a = new Float64Array(this.f64, this.f64Used, n);
    this.f64Used += bytes;
    return a;
  }

  /** A zeroed Uint8Array of n elements. */
  bytes(n: number): Uint8Array {
    if (!this.u8 || this.u8Used + n > this.u8.byteLength) {
      this.u8 = new ArrayBuffer(Math.max(n, SLAB_BYTES >> 3));
      this.u8Used = 0;
    }
    const a = new Uint8Array(this.u8, this.u8Used, n);
    this.u8Used += n;
    return a;
  }
}
