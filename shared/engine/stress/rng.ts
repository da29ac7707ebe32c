/**
 * The Monte Carlo's random numbers: a small, seeded, reproducible generator in 32-bit integer
 * arithmetic (exact in JavaScript numbers on every engine, no BigInt).
 *
 * - Generator: xoshiro128** (Blackman and Vigna, 2018; 128-bit state, period 2^128 - 1), whose
 *   output step is rotl(s1 * 5, 7) * 9 and whose state step is the xorshift/rotate of the paper.
 * - Seeding: splitmix32 (the 32-bit variant of SplitMix: add the golden-ratio constant, then a
 *   murmur3-style finaliser) fills the four state words from (seed, path index). Every path has its
 *   own stream, so a path's numbers depend only on the seed and its index: the same seed gives the
 *   same numbers however the run is chunked (worker steps, cancellation and resumption).
 * - Normals: Box-Muller on two uniforms in (0, 1), both outputs used.
 */

const GOLDEN = 0x9e3779b9;

/** The splitmix32 finaliser of a state word (the caller advances the state by the golden-ratio constant). */
function splitmix32(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed as two 32-bit words: integers up to 2^53 keep all their bits; other numbers are hashed by value. */
export function seedWords(seed: number): [number, number] {
  if (Number.isSafeInteger(seed) && seed >= 0) return [seed >>> 0, Math.floor(seed / 4294967296) >>> 0];
  const f = new Float64Array([seed]);
  const u = new Uint32Array(f.buffer);
  return [u[0], u[1]];
}

export class Xoshiro128 {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare = 0;
  private hasSpare = false;

  constructor(seed = 1, stream = 0) {
    this.reseed(seed, stream);
  }

  /** A generator with its four state words set directly (not all zero), e.g. for the reference test vectors. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128 {
    const g = new Xoshiro128();
    g.s0 = s0 | 0;
    g.s1 = s1 | 0;
    g.s2 = s2 | 0;
    g.s3 = s3 | 0;
    return g;
  }

  /** Restart on stream `stream` (a path index) of `seed`. */
  reseed(seed: number, stream: number): void {
    const [lo, hi] = seedWords(seed);
    let st = (lo ^ splitmix32(hi ^ GOLDEN) ^ Math.imul(stream + 1, GOLDEN)) | 0;
    const next = (): number => {
      st = (st + GOLDEN) | 0;
      return splitmix32(st);
    };
    // Mix the stream index in twice so nearby paths do not share state words.
    st = (st ^ splitmix32(stream ^ 0x5bd1e995)) | 0;
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one forbidden state
    this.hasSpare = false;
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** Uniform in the open interval (0, 1): (k + 0.5) / 2^32. */
  nextOpen01(): number {
    return (this.nextU32() + 0.5) / 4294967296;
  }

  /** Standard normal (Box-Muller; the second value of a pair is kept for the next call). */
  nextNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = this.nextOpen01();
    const u2 = this.nextOpen01();
    const r = Math.sqrt(-2 * Math.log(u1));
    const a = 2 * Math.PI * u2;
    this.spare = r * Math.sin(a);
    this.hasSpare = true;
    return r * Math.cos(a);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
