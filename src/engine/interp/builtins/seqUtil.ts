// Index and slice arithmetic shared by str, list, tuple and range.

import { runContext } from '../../context';
import { PyError, typeError, valueError } from '../../errors';
import { None, PyBool, PyInt, PyObject, PySlice } from '../object';
import { compareOp, pyEquals, pyIs, truthy, typeName } from '../protocol';

/** Normalises a (possibly negative) index; IndexError "<what> index out of range" when outside. */
export function normIndex(i: bigint, len: number, what: string): number {
  let n = Number(i);
  if (n < 0) n += len;
  if (n < 0 || n >= len || !Number.isSafeInteger(n)) throw new PyError('IndexError', `${what} index out of range`);
  return n;
}

function sliceIndex(o: PyObject): bigint | null {
  if (o === None) return null;
  if (o instanceof PyInt) return o.value;
  if (o instanceof PyBool) return o.value ? 1n : 0n;
  const slot = o.cls.slot('index');
  if (slot) return slot(o);
  throw typeError('slice indices must be integers or None or have an __index__ method');
}

/** CPython's PySlice_GetIndicesEx: start, stop, step and the number of selected items. */
export function sliceIndices(s: PySlice, len: number): { start: number; stop: number; step: number; count: number } {
  const stepB = sliceIndex(s.step);
  const step = stepB === null ? 1 : Number(stepB);
  if (step === 0) throw valueError('slice step cannot be zero');
  const clamp = (v: bigint | null, dflt: number): number => {
    if (v === null) return dflt;
    let n = Number(v);
    if (n < 0) {
      n += len;
      if (n < 0) n = step < 0 ? -1 : 0;
    } else if (n >= len) {
      n = step < 0 ? len - 1 : len;
    }
    return n;
  };
  const start = clamp(sliceIndex(s.start), step < 0 ? len - 1 : 0);
  const stop = clamp(sliceIndex(s.stop), step < 0 ? -1 : len);
  let count = 0;
  if (step > 0 && start < stop) count = Math.floor((stop - start - 1) / step) + 1;
  if (step < 0 && stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  return { start, stop, step, count };
}

export function sliceItems<T>(items: readonly T[], s: PySlice): T[] {
  const { start, step, count } = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + count);
  const out: T[] = [];
  for (let i = 0, j = start; i < count; i++, j += step) out.push(items[j]);
  return out;
}

/** Index for sequence subscription, with CPython's TypeError for a bad key type. */
export function seqIndexKey(key: PyObject, what: string): bigint {
  if (key instanceof PyInt) return key.value;
  if (key instanceof PyBool) return key.value ? 1n : 0n;
  const slot = key.cls.slot('index');
  if (slot) return slot(key);
  throw typeError(`${what} indices must be integers or slices, not ${typeName(key)}`);
}

/** Lexicographic comparison of two sequences, as list/tuple comparisons do. */
export function compareSequences(op: '<' | '<=' | '>' | '>=' | '==' | '!=', a: readonly PyObject[], b: readonly PyObject[]): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && (pyIs(a[i], b[i]) || pyEquals(a[i], b[i]))) i++;
  if (i >= n) {
    switch (op) {
      case '<': return a.length < b.length;
      case '<=': return a.length <= b.length;
      case '>': return a.length > b.length;
      case '>=': return a.length >= b.length;
      case '==': return a.length === b.length;
      default: return a.length !== b.length;
    }
  }
  if (op === '==') return false;
  if (op === '!=') return true;
  return truthy(compareOp(op, a[i], b[i]));
}

/** Repr of a container, with `...` for a container that contains itself. */
const inRepr = new Set<object>();
export function guardedRepr(self: object, empty: string, body: () => string): string {
  if (inRepr.has(self)) return empty;
  inRepr.add(self);
  try {
    return body();
  } finally {
    inRepr.delete(self);
  }
}

/** `times` repetitions with a budget check: `[0] * 10**9` must not exhaust memory. */
export function checkRepeat(itemCount: number, times: bigint, what: string): number {
  if (times >= 2n ** 63n) throw new PyError('OverflowError', "cannot fit 'int' into an index-sized integer");
  const n = times < 0n ? 0 : Number(times);
  if (itemCount > 0 && n > 0) runContext().allocateItems(itemCount * n, what);
  return n;
}

/** Budget check before building a `what` of `n` items (or characters). */
export function checkSize(n: number, what: string): void {
  runContext().allocateItems(n, what);
}

/** Appends without a spread: `push(...xs)` with millions of items overflows the JS stack. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const x of items) target.push(x);
}
