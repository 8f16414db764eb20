// Compares an engine result (report.ts Tree) with an `expect` entry of cases-public.jsonl,
// following the schema in SEMANTICS.md §4. Returns a list of differences (empty = match).

import type { Tree } from '../../../src/engine/report';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface Tolerance {
  rtol: number;
  atol: number;
}

function asNumber(v: Json): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return undefined;
}

function closeNumbers(got: number, want: number, tol: Tolerance): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= tol.atol + tol.rtol * Math.abs(want);
}

function compareValues(got: Json, want: Json, tol: Tolerance, path: string, out: string[]): void {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      out.push(`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      return;
    }
    want.forEach((w, i) => compareValues(got[i], w, tol, `${path}[${i}]`, out));
    return;
  }
  if (want !== null && typeof want === 'object') {
    // complex {re, im}
    const g = got as { [k: string]: Json } | null;
    if (!g || typeof g !== 'object') {
      out.push(`${path}: expected complex ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      return;
    }
    compareValues(g.re, want.re, tol, `${path}.re`, out);
    compareValues(g.im, want.im, tol, `${path}.im`, out);
    return;
  }
  const w = asNumber(want);
  const g = asNumber(got);
  if (w === undefined || g === undefined || !closeNumbers(g, w, tol)) {
    out.push(`${path}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
}

export function compareTree(got: Tree | undefined, want: Json, path = 'result', out: string[] = []): string[] {
  if (got === undefined) {
    out.push(`${path}: no value`);
    return out;
  }
  const w = want as { [k: string]: Json };
  const g = got as unknown as { [k: string]: Json };
  for (const kind of ['tuple', 'list'] as const) {
    if (kind in w) {
      const items = w[kind] as Json[];
      const gotItems = g[kind] as unknown as Tree[] | undefined;
      if (!Array.isArray(gotItems) || gotItems.length !== items.length) {
        out.push(`${path}: expected a ${kind} of ${items.length}, got ${JSON.stringify(got).slice(0, 200)}`);
        return out;
      }
      items.forEach((item, i) => compareTree(gotItems[i], item, `${path}[${i}]`, out));
      return out;
    }
  }
  if ('dict' in w) {
    const entries = w.dict as { [k: string]: Json };
    const gotDict = g.dict as unknown as Record<string, Tree> | undefined;
    if (!gotDict || typeof gotDict !== 'object') {
      out.push(`${path}: expected a dict, got ${JSON.stringify(got).slice(0, 200)}`);
      return out;
    }
    const wantKeys = Object.keys(entries).sort();
    const gotKeys = Object.keys(gotDict).sort();
    if (wantKeys.join() !== gotKeys.join()) out.push(`${path}: keys ${gotKeys} != ${wantKeys}`);
    for (const k of wantKeys) compareTree(gotDict[k], entries[k], `${path}[${JSON.stringify(k)}]`, out);
    return out;
  }
  if ('python' in w) {
    if (g.python !== w.python) out.push(`${path}: expected a Python ${w.python}, got ${JSON.stringify(got).slice(0, 200)}`);
    else if (typeof w.value === 'number') compareValues(g.value, w.value, { rtol: 0, atol: 0 }, path, out);
    else if (JSON.stringify(g.value) !== JSON.stringify(w.value)) out.push(`${path}: expected ${JSON.stringify(w.value)}, got ${JSON.stringify(g.value)}`);
    return out;
  }
  if (w.dtype === 'float0') {
    if (g.dtype !== 'float0') out.push(`${path}: expected a float0 array, got dtype ${g.dtype}`);
    if (JSON.stringify(g.shape) !== JSON.stringify(w.shape)) out.push(`${path}: shape ${JSON.stringify(g.shape)} != ${JSON.stringify(w.shape)}`);
    return out;
  }
  // an array leaf
  if (g.dtype !== w.dtype) out.push(`${path}: dtype ${g.dtype} != ${w.dtype}`);
  if (JSON.stringify(g.shape) !== JSON.stringify(w.shape)) out.push(`${path}: shape ${JSON.stringify(g.shape)} != ${JSON.stringify(w.shape)}`);
  if ('weak_type' in w && g.weak_type !== w.weak_type) out.push(`${path}: weak_type ${g.weak_type} != ${w.weak_type}`);
  const tol = (w.tol as unknown as Tolerance | undefined) ?? { rtol: 0, atol: 0 };
  compareValues(g.value, w.value, tol, path, out);
  if (typeof w.repr === 'string' && g.repr !== w.repr) out.push(`${path}: repr ${JSON.stringify(g.repr)} != ${JSON.stringify(w.repr)}`);
  return out;
}
