// Comparing a value (as its report Tree) with the expected value of a `# → ...` comment.
//
// Floats compare with JAX's float32 test tolerance (atol = rtol = 1e-6, `default_tolerance` in
// SEMANTICS §3) whatever the dtype, since the comment is written by hand; ints and bools
// compare exactly; NaN matches NaN. Shapes must match. Tuples, lists and dicts compare element
// by element. A JAX repr (`Array(4., dtype=float32, weak_type=True)`) also pins the dtype and
// weak type. NumPy's printed form (`[2. 2.]`) and a list of numbers both match an array.

import type { ArrayLeaf, ExpectedCheck, NestedValue, Scalar, Tree } from '../report';
import { type ExpectedValue, readExpected } from './expectedParse';

const ATOL = 1e-6;
const RTOL = 1e-6;

export type ExpectedResult = ExpectedCheck & { message?: string };

/**
 * Compares `actual` with the expected `text`. `evaluate` turns a non-literal expected text
 * (a Python expression) into a Tree; without it such a text cannot be checked.
 */
export function compareExpectedTree(actual: Tree, text: string, evaluate?: (python: string) => Tree): ExpectedResult {
  const expected = readExpected(text);
  let reason: string | undefined;
  if (expected.kind === 'python') {
    if (!evaluate) return { text, ok: false, message: `Cannot evaluate the expected value ${text}` };
    reason = compare(actual, treeAsExpected(evaluate(text)));
  } else {
    reason = compare(actual, expected);
  }
  if (reason === undefined) return { text, ok: true };
  const got = describeTree(actual);
  return { text, ok: false, message: `Expected ${text}, got ${got}${reason ? ` (${reason})` : ''}` };
}

type Reason = string | undefined;
const MISMATCH = '';

function isArrayLeaf(t: Tree): t is ArrayLeaf {
  return 'shape' in t && 'dtype' in t && t.dtype !== 'float0';
}

function compare(actual: Tree, exp: ExpectedValue): Reason {
  if (isArrayLeaf(actual)) return compareArray(actual.value, actual.shape, actual.dtype, actual.weak_type, exp);
  if ('python' in actual) return comparePython(actual.python, actual.value, exp);
  if ('tuple' in actual) {
    if (exp.kind !== 'tuple') return MISMATCH;
    return compareItems(actual.tuple, exp.items);
  }
  if ('list' in actual) {
    if (exp.kind !== 'seq') return MISMATCH;
    return compareItems(actual.list, exp.items);
  }
  if ('dict' in actual) {
    if (exp.kind !== 'dict') return MISMATCH;
    const keys = Object.keys(actual.dict);
    if (keys.length !== exp.entries.length) return `${keys.length} keys, expected ${exp.entries.length}`;
    for (const [k, v] of exp.entries) {
      if (!(k in actual.dict)) return `no key '${k}'`;
      const r = compare(actual.dict[k], v);
      if (r !== undefined) return r || `at key '${k}'`;
    }
    return undefined;
  }
  return MISMATCH;
}

function compareItems(actual: Tree[], exp: ExpectedValue[]): Reason {
  if (actual.length !== exp.length) return `${actual.length} elements, expected ${exp.length}`;
  for (let i = 0; i < actual.length; i++) {
    const r = compare(actual[i], exp[i]);
    if (r !== undefined) return r || `element ${i} differs`;
  }
  return undefined;
}

function comparePython(type: string, value: unknown, exp: ExpectedValue): Reason {
  switch (type) {
    case 'float':
    case 'int':
    case 'bool':
    case 'complex':
      return isScalarExpected(exp) ? scalarReason(value as Scalar, exp, type !== 'float' && type !== 'complex') : MISMATCH;
    case 'NoneType':
      return exp.kind === 'none' ? undefined : MISMATCH;
    case 'str':
      return exp.kind === 'str' && exp.value === value ? undefined : MISMATCH;
    default:
      return MISMATCH;
  }
}

function isScalarExpected(e: ExpectedValue): boolean {
  return e.kind === 'number' || e.kind === 'bool' || e.kind === 'complex';
}

function compareArray(value: NestedValue, shape: number[], dtype: string, weak: boolean, exp: ExpectedValue): Reason {
  if (exp.kind === 'array') {
    if (exp.dtype !== dtype) return `dtype ${dtype}, expected ${exp.dtype}`;
    if (exp.weakType !== weak) return weak ? 'weakly typed, expected a strong type' : 'strongly typed, expected weak_type=True';
    return compareArray(value, shape, dtype, weak, exp.value);
  }
  const expShape = expectedShape(exp);
  if (expShape === undefined) return MISMATCH;
  if (expShape.join() !== shape.join()) return `shape ${fmtShape(shape)}, expected ${fmtShape(expShape)}`;
  const exact = !/^(float|complex|bfloat)/.test(dtype);
  const got = flatten(value);
  const want = flattenExpected(exp);
  for (let i = 0; i < want.length; i++) {
    const r = scalarReason(got[i], want[i], exact);
    if (r !== undefined) return shape.length === 0 ? r : r || `differs at flat index ${i}`;
  }
  return undefined;
}

/** The shape an expected number / nested sequence describes, or undefined if it is not rectangular. */
function expectedShape(e: ExpectedValue): number[] | undefined {
  if (isScalarExpected(e)) return [];
  if (e.kind !== 'seq') return undefined;
  const inner = e.items.map(expectedShape);
  if (inner.some((s) => s === undefined)) return undefined;
  const first = inner[0] ?? [];
  if (inner.some((s) => s!.join() !== first.join())) return undefined;
  return [e.items.length, ...first];
}

function flatten(v: NestedValue): Scalar[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [v];
}

function flattenExpected(e: ExpectedValue): ExpectedValue[] {
  return e.kind === 'seq' ? e.items.flatMap(flattenExpected) : [e];
}

function asComplex(v: Scalar | ExpectedValue): { re: number; im: number } | undefined {
  const num = (x: number | string): number => (x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : Number(x));
  if (typeof v === 'number') return { re: v, im: 0 };
  if (typeof v === 'boolean') return { re: Number(v), im: 0 };
  if (typeof v === 'string') return { re: num(v), im: 0 };
  if ('re' in v && 'im' in v && !('kind' in v)) return { re: num(v.re), im: num(v.im) };
  if ('kind' in v) {
    if (v.kind === 'number') return { re: v.value, im: 0 };
    if (v.kind === 'bool') return { re: Number(v.value), im: 0 };
    if (v.kind === 'complex') return { re: v.re, im: v.im };
  }
  return undefined;
}

function close(a: number, e: number, exact: boolean): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (a === e) return true;
  if (exact || !Number.isFinite(a) || !Number.isFinite(e)) return false;
  return Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
}

function scalarReason(actual: Scalar, exp: ExpectedValue, exact: boolean): Reason {
  const a = asComplex(actual);
  const e = asComplex(exp);
  if (!a || !e) return MISMATCH;
  return close(a.re, e.re, exact) && close(a.im, e.im, exact) ? undefined : MISMATCH;
}

function fmtShape(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** A Tree evaluated from a Python expected text, as an expected value (values and shape only). */
function treeAsExpected(t: Tree): ExpectedValue {
  const scalar = (s: Scalar): ExpectedValue => {
    if (typeof s === 'boolean') return { kind: 'bool', value: s };
    const c = asComplex(s)!;
    return c.im === 0 && typeof s !== 'object' ? { kind: 'number', value: c.re, isInt: false } : { kind: 'complex', ...c };
  };
  const nested = (v: NestedValue): ExpectedValue =>
    Array.isArray(v) ? { kind: 'seq', items: v.map(nested), commas: false } : scalar(v);
  if (isArrayLeaf(t)) return nested(t.value);
  if ('python' in t) {
    if (t.python === 'NoneType') return { kind: 'none' };
    if (t.python === 'str') return { kind: 'str', value: String(t.value) };
    if (t.python === 'bool') return { kind: 'bool', value: Boolean(t.value) };
    if (t.python === 'float' || t.python === 'int') return { kind: 'number', value: Number(t.value), isInt: t.python === 'int' };
    if (t.python === 'complex') return scalar(t.value as Scalar);
    return { kind: 'python', text: String(t.repr ?? t.value) };
  }
  if ('tuple' in t) return { kind: 'tuple', items: t.tuple.map(treeAsExpected) };
  if ('list' in t) return { kind: 'seq', items: t.list.map(treeAsExpected), commas: true };
  if ('dict' in t) return { kind: 'dict', entries: Object.entries(t.dict).map(([k, v]) => [k, treeAsExpected(v)]) };
  return { kind: 'python', text: '<float0>' };
}

/** How a value reads in a mismatch message: reprs for arrays, Python's repr for the rest. */
export function describeTree(t: Tree): string {
  if ('repr' in t && typeof t.repr === 'string' && !('python' in t && t.python === 'float')) return t.repr;
  if ('python' in t) {
    if (t.python === 'float') return pyFloatRepr(Number(t.value));
    if (t.python === 'bool') return t.value ? 'True' : 'False';
    if (t.python === 'NoneType') return 'None';
    if (t.python === 'str') return `'${String(t.value)}'`;
    return String(t.value);
  }
  if ('tuple' in t) return t.tuple.length === 1 ? `(${describeTree(t.tuple[0])},)` : `(${t.tuple.map(describeTree).join(', ')})`;
  if ('list' in t) return `[${t.list.map(describeTree).join(', ')}]`;
  if ('dict' in t) return `{${Object.entries(t.dict).map(([k, v]) => `'${k}': ${describeTree(v)}`).join(', ')}}`;
  return '<value>';
}

function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? `${x}.0` : String(x);
}
