// Compares a result the engine returned (a report `Tree`, DESIGN §5) with an expected value from
// a closed form, within a tolerance, and says precisely what differs when it does not match.
//
// Decisions: a Python float/int is accepted where a 0-d array is expected (the number is what
// the exercise checks); a list is accepted where a tuple is expected and vice versa (the
// container kind is not the lesson); dtypes are checked only when the expected value names one.

import type { NestedValue, Scalar, Tree } from '../engine/report';
import { type Expected, type Tolerance, float32Text } from './expected';
import { shapeOf } from './values';

export interface Comparison {
  ok: boolean;
  /** Why it does not match, in the learner's terms ("at [2]: expected 1.5, got 1.25"). */
  reason?: string;
}

const OK: Comparison = { ok: true };
const fail = (reason: string): Comparison => ({ ok: false, reason });

export function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** A short name for what a tree is: "a tuple of 2", "an array of shape (3,)", "a Python str". */
export function describeTree(t: Tree): string {
  if ('tuple' in t) return `a tuple of ${t.tuple.length}`;
  if ('list' in t) return `a list of ${t.list.length}`;
  if ('dict' in t) return `a dict with keys ${Object.keys(t.dict).join(', ') || '(none)'}`;
  if ('python' in t) return `a Python ${t.python}`;
  if (t.dtype === 'float0') return `a float0 array of shape ${shapeText(t.shape)}`;
  return `an array of shape ${shapeText(t.shape)}`;
}

function describeExpected(e: Expected): string {
  if ('tuple' in e) return `a tuple of ${e.tuple.length}`;
  if ('list' in e) return `a list of ${e.list.length}`;
  if ('dict' in e) return `a dict with keys ${Object.keys(e.dict).join(', ')}`;
  const shape = shapeOf(e.array);
  return shape.length === 0 ? 'a scalar' : `an array of shape ${shapeText(shape)}`;
}

/** A JSON scalar as a number; complex and other non-real values give undefined. */
function scalarNumber(s: Scalar | unknown): number | undefined {
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return undefined;
}

function flatten(v: NestedValue | number[] | unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) for (const x of v) flatten(x, out);
  else out.push(v);
  return out;
}

/** numpy.isclose: nan matches nan, infinities match themselves. */
export function close(got: number, expected: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(got)) return Number.isNaN(expected) && Number.isNaN(got);
  if (!Number.isFinite(expected) || !Number.isFinite(got)) return got === expected;
  return Math.abs(got - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

function indexText(flatIndex: number, shape: number[]): string {
  const idx: number[] = [];
  let rest = flatIndex;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return `[${idx.join(', ')}]`;
}

function compareLeaf(got: Tree, expected: Extract<Expected, { array: unknown }>, tol: Tolerance, where: string): Comparison {
  const shape = shapeOf(expected.array);
  let values: unknown[];
  let gotShape: readonly number[];
  if ('python' in got && (got.python === 'float' || got.python === 'int' || got.python === 'bool')) {
    values = [got.value];
    gotShape = [];
  } else if ('value' in got && 'dtype' in got && got.dtype !== 'float0') {
    if (expected.dtype && got.dtype !== expected.dtype) {
      return fail(`${where}expected dtype ${expected.dtype}, got ${got.dtype}`);
    }
    values = flatten(got.value);
    gotShape = got.shape;
  } else {
    return fail(`${where}expected ${describeExpected(expected)}, got ${describeTree(got)}`);
  }
  if (gotShape.length !== shape.length || gotShape.some((d, i) => d !== shape[i])) {
    return fail(`${where}expected shape ${shapeText(shape)}, got shape ${shapeText(gotShape)}`);
  }
  const want = flatten(expected.array) as number[];
  let mismatches = 0;
  let first = -1;
  for (let i = 0; i < want.length; i++) {
    const g = scalarNumber(values[i]);
    if (g === undefined) return fail(`${where}got a non-real value ${JSON.stringify(values[i])}`);
    if (!close(g, want[i], tol)) {
      if (first < 0) first = i;
      mismatches++;
    }
  }
  if (first < 0) return OK;
  const at = shape.length > 0 ? ` at ${indexText(first, shape)}` : '';
  const got0 = scalarNumber(values[first]) as number;
  const count = shape.length > 0 ? ` (${mismatches} of ${want.length} entries differ)` : '';
  return fail(`${where}expected ${float32Text(want[first])}${at}, got ${float32Text(got0)}${count}`);
}

/** Compares `got` with `expected`; `where` prefixes reasons with a path like `[1]['w']: `. */
export function compareTree(got: Tree, expected: Expected, tol: Tolerance, path = ''): Comparison {
  const where = path ? `${path}: ` : '';
  if ('python' in got && got.python === 'NoneType') {
    // The starter code's `pass`, or a forgotten `return`.
    return fail(`${where}expected ${describeExpected(expected)}, got None: does the function return its result?`);
  }
  if ('array' in expected) return compareLeaf(got, expected, tol, where);
  if ('tuple' in expected || 'list' in expected) {
    const want = 'tuple' in expected ? expected.tuple : expected.list;
    const items = 'tuple' in got ? got.tuple : 'list' in got ? got.list : undefined;
    if (!items || items.length !== want.length) {
      return fail(`${where}expected ${describeExpected(expected)}, got ${describeTree(got)}`);
    }
    for (let i = 0; i < want.length; i++) {
      const c = compareTree(items[i], want[i], tol, `${path}[${i}]`);
      if (!c.ok) return c;
    }
    return OK;
  }
  if (!('dict' in got)) return fail(`${where}expected ${describeExpected(expected)}, got ${describeTree(got)}`);
  const wantKeys = Object.keys(expected.dict).sort();
  const gotKeys = Object.keys(got.dict).sort();
  if (wantKeys.join('\u0000') !== gotKeys.join('\u0000')) {
    return fail(`${where}expected ${describeExpected(expected)}, got ${describeTree(got)}`);
  }
  for (const key of wantKeys) {
    const c = compareTree(got.dict[key], expected.dict[key], tol, `${path}['${key}']`);
    if (!c.ok) return c;
  }
  return OK;
}

/** True when some array leaf of `got` holds nan or inf. */
export function hasNonFinite(got: Tree): boolean {
  if ('tuple' in got) return got.tuple.some(hasNonFinite);
  if ('list' in got) return got.list.some(hasNonFinite);
  if ('dict' in got) return Object.values(got.dict).some(hasNonFinite);
  const values = 'python' in got ? [got.value] : flatten(got.value);
  return values.some((v) => {
    const n = scalarNumber(v);
    return n !== undefined && !Number.isFinite(n);
  });
}

/** True when the expected value is finite everywhere. */
export function isFiniteExpected(e: Expected): boolean {
  if ('array' in e) return (flatten(e.array) as number[]).every(Number.isFinite);
  if ('tuple' in e) return e.tuple.every(isFiniteExpected);
  if ('list' in e) return e.list.every(isFiniteExpected);
  return Object.values(e.dict).every(isFiniteExpected);
}
