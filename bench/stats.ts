// Timing helpers for the benchmarks. V8 needs many iterations before code is fully optimised
// (the parser alone takes thousands of parses to settle), so warm-up is by time, then the median
// of several runs is reported, so one slow run on a noisy machine does not move the figure.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median milliseconds of `fn` over `runs` runs, after calling it for `warmupMs` unmeasured. */
export function timeMs(fn: () => void, runs: number, warmupMs = 1000): number {
  const warmEnd = performance.now() + warmupMs;
  do fn();
  while (performance.now() < warmEnd);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Median milliseconds of `a` and of `b`, timed alternately (a, b, a, b, ...) after a shared
 * warm-up, and the median of the per-pair ratios a/b. On a shared machine the load drifts during
 * a run; alternating puts both sides under the same load, so the ratio is far steadier than
 * two separate timings.
 */
export function timePairMs(a: () => void, b: () => void, runs: number, warmupMs = 1000): { a: number; b: number; ratio: number } {
  const warmEnd = performance.now() + warmupMs;
  do {
    a();
    b();
  } while (performance.now() < warmEnd);
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    a();
    const t1 = performance.now();
    b();
    const t2 = performance.now();
    ta.push(t1 - t0);
    tb.push(t2 - t1);
    ratios.push((t1 - t0) / (t2 - t1));
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios) };
}
