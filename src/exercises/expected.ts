// Expected results as data: what a closed form returns. A leaf is an array of float64 numbers
// (a 0-d array for a scalar); containers mirror the pytrees JAX returns. Builders and a
// display format live here; the comparison with an engine result is in compare.ts.

import { type Nested, pyFloatRepr, pyStringLiteral, shapeOf } from './values';

export type Expected =
  | { array: Nested; dtype?: string }
  | { tuple: Expected[] }
  | { list: Expected[] }
  | { dict: Record<string, Expected> };

/** numpy.allclose-style tolerance: |got - expected| <= atol + rtol * |expected|. */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/**
 * float32 results of a few operations: JAX's own array-equality tolerance for float32 is 1e-6
 * (SEMANTICS §3); a transcendental function or a short sum adds a few ulps.
 */
export const FLOAT32_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/** 1000-element float32 reductions: rounding grows with the number of terms. */
export const LARGE_TOLERANCE: Tolerance = { rtol: 1e-4, atol: 1e-4 };

export const scalar = (value: number, dtype?: string): Expected => (dtype ? { array: value, dtype } : { array: value });
export const vector = (values: number[], dtype?: string): Expected => (dtype ? { array: values, dtype } : { array: values });
export const matrix = (rows: number[][], dtype?: string): Expected => (dtype ? { array: rows, dtype } : { array: rows });
export const tuple = (...items: Expected[]): Expected => ({ tuple: items });
export const dict = (entries: Record<string, Expected>): Expected => ({ dict: entries });

export function expectedShape(e: Expected): number[] | undefined {
  return 'array' in e ? shapeOf(e.array) : undefined;
}

/**
 * The shortest decimal that reads back as the same float32, in Python's float layout: how a
 * float32 result prints, without the noise digits of its float64 widening.
 */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return pyFloatRepr(x);
  const target = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(target.toPrecision(p));
    if (Math.fround(candidate) === target) return pyFloatRepr(candidate);
  }
  return pyFloatRepr(target);
}

/** Nested numbers as text, eliding the middle of long vectors like NumPy does past 1000. */
export function nestedText(value: Nested, edge = 3, limit = 10): string {
  if (!Array.isArray(value)) return float32Text(value);
  const parts =
    value.length > limit
      ? [...value.slice(0, edge).map((v) => nestedText(v, edge, limit)), '...', ...value.slice(-edge).map((v) => nestedText(v, edge, limit))]
      : value.map((v) => nestedText(v, edge, limit));
  return `[${parts.join(', ')}]`;
}

/** A readable rendering of an expected value, e.g. `(0.25, [1.0, -2.0])`. */
export function expectedText(e: Expected): string {
  if ('array' in e) {
    const shape = shapeOf(e.array);
    const big = shape.some((d) => d > 10);
    return nestedText(e.array) + (big ? ` (shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''}))` : '');
  }
  if ('tuple' in e) {
    const items = e.tuple.map(expectedText);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if ('list' in e) return `[${e.list.map(expectedText).join(', ')}]`;
  return `{${Object.entries(e.dict)
    .map(([k, v]) => `${pyStringLiteral(k)}: ${expectedText(v)}`)
    .join(', ')}}`;
}
