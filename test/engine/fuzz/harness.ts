// One fuzz case through checkSource with a small budget, and the properties every case must
// keep: no JS exception escapes, no internal-error diagnostic, the run ends within a small
// factor of its budget's time, and a reused engine gives the same report again.
import { checkSource, type Report } from '../../../src/engine/index';

/** Small budgets so that a runaway program is stopped quickly. */
export const FUZZ_LIMITS = {
  maxSteps: 5_000,
  maxTotalElements: 2_000_000,
  maxArrayElements: 200_000,
  maxDepth: 100,
  maxIterations: 100_000,
  maxContainerItems: 1_000_000,
  maxTotalItems: 2_000_000,
};

export interface Outcome {
  /** What went wrong (empty when the case passed). */
  problems: string[];
  ms: number;
}

/** The report without its log (timings live there). */
export function stable(r: Report): string {
  return JSON.stringify({ ...r, log: [] });
}

export function run(source: string): { report?: Report; error?: unknown; ms: number } {
  const t0 = performance.now();
  try {
    const report = checkSource(source, { limits: FUZZ_LIMITS });
    return { report, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

/**
 * Wall time of a loop that spends the whole step budget doing nothing else: the yardstick
 * for "within a small factor of its budget's time".
 */
export function budgetTimeMs(): number {
  run('while True:\n    pass\n');
  let best = Infinity;
  for (let i = 0; i < 3; i++) best = Math.min(best, run('i = 0\nwhile True:\n    i = i + 1\n').ms);
  return best;
}

export function problemsOf(source: string, r: ReturnType<typeof run>, maxMs: number): string[] {
  const problems: string[] = [];
  if (r.error !== undefined) problems.push(`exception escaped: ${r.error instanceof Error ? r.error.stack : String(r.error)}`);
  for (const d of r.report?.diagnostics ?? []) {
    if (d.code === 'internal-error') problems.push(`internal-error: ${d.message}\n${(r.report?.log ?? []).join('\n')}`);
  }
  if (r.ms > maxMs) problems.push(`hang: ${r.ms.toFixed(0)} ms (limit ${maxMs.toFixed(0)} ms)`);
  return problems;
}

/**
 * A then B then A: the second A's report must equal the first's (no state leaks). With
 * `other` null, only A once (the long run leak-checks a sample to go faster).
 */
export function checkCase(source: string, other: string | null, maxMs: number): Outcome {
  const first = run(source);
  const problems = problemsOf(source, first, maxMs);
  if (first.report && other !== null) {
    run(other);
    const again = run(source);
    if (again.report && stable(again.report) !== stable(first.report)) problems.push('a reused engine gave a different report');
  }
  return { problems, ms: first.ms };
}
