import type { Benchmark } from './harness';
import { roundHalfAway } from '../../shared/domain/money';

/** The harness's own check: a loop over a typed array, to see the figures are sane. */
export const benchmarks: Benchmark<Float64Array>[] = [
  {
    name: 'harness: round 1,000,000 amounts',
    setup: () => Float64Array.from({ length: 1_000_000 }, (_, i) => i * 0.37),
    run: (xs) => {
      let s = 0;
      for (let i = 0; i < xs.length; i++) s += roundHalfAway(xs[i]);
      return s;
    },
  },
];
