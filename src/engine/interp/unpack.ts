// Unpacking for assignment targets: `a, b = x`, `a, *rest = x`, with CPython's messages.

import { PyError, typeError } from '../errors';
import type { Expr } from '../syntax/ast';
import type { PyObject } from './object';
import { isIterable, iterate } from './protocol';

/** Splits `value` into one object per target; a starred target receives a list of the rest. */
export function unpackValues(targets: readonly Expr[], value: PyObject): { values: PyObject[]; starAt: number } {
  if (!isIterable(value)) throw typeError(`cannot unpack non-iterable ${value.cls.name} object`);
  const starAt = targets.findIndex((t) => t.kind === 'Starred');
  const items = [...iterate(value)];
  const n = targets.length;
  if (starAt < 0) {
    if (items.length > n) throw new PyError('ValueError', `too many values to unpack (expected ${n})`);
    if (items.length < n) throw new PyError('ValueError', `not enough values to unpack (expected ${n}, got ${items.length})`);
    return { values: items, starAt };
  }
  if (items.length < n - 1) {
    throw new PyError('ValueError', `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
  }
  return { values: items, starAt };
}
