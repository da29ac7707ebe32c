/** Months per bar: half-years keep a 10-year horizon to 20 bars. */
const BUCKET = 6;

export interface LifeBucket {
  range: string;
  share: number;
}

/** Buckets of the share of (lot, path) pairs by economic life in months, empty tails dropped. */
export function lifeBuckets(distribution: Float64Array, width = BUCKET): LifeBucket[] {
  const out: LifeBucket[] = [];
  for (let start = 0; start < distribution.length; start += width) {
    let s = 0;
    for (let k = start; k < Math.min(distribution.length, start + width); k++) s += distribution[k];
    out.push({ range: `${start}–${start + width - 1}`, share: s * 100 });
  }
  let first = 0;
  let last = out.length - 1;
  while (first <= last && out[first].share === 0) first++;
  while (last >= first && out[last].share === 0) last--;
  return out.slice(first, last + 1);
}
