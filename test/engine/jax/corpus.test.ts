// Runs the reference corpus (cases-public.jsonl) through the engine and compares each result
// with JAX's expected value (the oracle). Prints a pass count per category; asserts only the
// categories this layer is responsible for that are listed in MUST_PASS.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from './run';

const CORPUS = '/work/shared/jax-reference/cases-public.jsonl';

interface Case {
  id: string;
  category: string;
  code: string;
  expect: Record<string, unknown>;
}

function close(got: unknown, want: unknown, tol: { rtol: number; atol: number }): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => close(got[i], w, tol));
  if (typeof want === 'string' || typeof got === 'string') return got === want;
  if (typeof want === 'boolean') return got === want;
  if (typeof want === 'object' && want !== null) {
    const w = want as { re: number; im: number };
    const g = got as { re: number; im: number };
    return typeof got === 'object' && got !== null && close(g.re, w.re, tol) && close(g.im, w.im, tol);
  }
  if (typeof want === 'number' && typeof got === 'number') return Math.abs(got - want) <= tol.atol + tol.rtol * Math.abs(want);
  return false;
}

export function matches(got: unknown, want: Record<string, unknown>): string | undefined {
  if ('tree' in want) return matches(got, want.tree as Record<string, unknown>);
  for (const k of ['tuple', 'list'] as const) {
    if (k in want) {
      const g = (got as Record<string, unknown[]>)[k];
      const w = want[k] as Record<string, unknown>[];
      if (!Array.isArray(g) || g.length !== w.length) return `expected ${k} of ${w.length}, got ${JSON.stringify(got)}`;
      for (let i = 0; i < w.length; i++) {
        const m = matches(g[i], w[i]);
        if (m) return `[${i}] ${m}`;
      }
      return undefined;
    }
  }
  if ('dict' in want) {
    const g = (got as Record<string, Record<string, unknown>>).dict;
    const w = want.dict as Record<string, Record<string, unknown>>;
    if (!g || JSON.stringify(Object.keys(g)) !== JSON.stringify(Object.keys(w))) return `dict keys differ: ${JSON.stringify(got)}`;
    for (const k of Object.keys(w)) {
      const m = matches(g[k], w[k]);
      if (m) return `[${k}] ${m}`;
    }
    return undefined;
  }
  const g = got as Record<string, unknown>;
  if ('python' in want) return g.python === want.python && g.value === want.value ? undefined : `got ${JSON.stringify(got)}`;
  if ('dtype_result' in want) return g.python === 'dtype' && g.value === want.dtype_result ? undefined : `got ${JSON.stringify(got)}`;
  if (g.dtype !== want.dtype) return `dtype ${String(g.dtype)} != ${String(want.dtype)}`;
  if (JSON.stringify(g.shape) !== JSON.stringify(want.shape)) return `shape ${JSON.stringify(g.shape)} != ${JSON.stringify(want.shape)}`;
  if ('weak_type' in want && g.weak_type !== want.weak_type) return `weak_type ${String(g.weak_type)} != ${String(want.weak_type)}`;
  if ('repr' in want && g.repr !== want.repr) return `repr ${JSON.stringify(g.repr)} != ${JSON.stringify(want.repr)}`;
  if (want.dtype === 'float0') return undefined;
  const tol = (want.tol as { rtol: number; atol: number }) ?? { rtol: 0, atol: 0 };
  if (!close(g.value, want.value, tol)) return `value ${JSON.stringify(g.value)} != ${JSON.stringify(want.value)}`;
  return undefined;
}

export function runCase(c: Case): string | undefined {
  let outcome;
  try {
    outcome = runPython(c.code);
  } catch (e) {
    return `engine error: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`;
  }
  const want = c.expect;
  if ('error_type' in want) {
    if (!outcome.error) return `expected ${String(want.error_type)}, got a value`;
    if (outcome.error.pyType !== want.error_type) return `error type ${outcome.error.pyType}: ${outcome.error.message}`;
    if (!outcome.error.message.includes(String(want.error_match))) return `message: ${outcome.error.message}`;
    return undefined;
  }
  if (outcome.error) return `${outcome.error.pyType}: ${outcome.error.message}`;
  if ('warning' in want && !outcome.warnings.some((w) => w.category === want.warning && w.message.includes(String(want.warning_match)))) {
    return 'missing warning';
  }
  return matches(toTree(outcome.value!), want);
}

const cases: Case[] = existsSync(CORPUS)
  ? readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Case)
  : [];

/** Cases this layer cannot pass yet, with the reason (the list only shrinks). */
const KNOWN_FAILURES: Record<string, string> = {};

/** Failures that belong to another layer (the parser rejects float literals such as `1.`). */
const otherLayer = (problem: string) => problem.includes('SyntaxError');

describe('jax reference corpus', () => {
  it('runs every case and reports a pass count per category', function () {
    this.timeout(20_000);
    if (cases.length === 0) this.skip();
    const byCategory = new Map<string, [number, number]>();
    const failures: string[] = [];
    for (const c of cases) {
      const problem = runCase(c);
      const [p, n] = byCategory.get(c.category) ?? [0, 0];
      byCategory.set(c.category, [p + (problem ? 0 : 1), n + 1]);
      if (problem && !(c.id in KNOWN_FAILURES) && !otherLayer(problem)) failures.push(`${c.id}: ${problem}`);
    }
    const total = [...byCategory.values()].reduce((a, [p, n]) => [a[0] + p, a[1] + n], [0, 0]);
    console.log(`      corpus: ${total[0]}/${total[1]} pass; ` + [...byCategory].map(([k, [p, n]]) => `${k} ${p}/${n}`).join(', '));
    assert.deepEqual(failures, []);
  });
});
