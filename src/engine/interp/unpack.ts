// Unpacking for assignment targets: `a, b = x`, `a, *rest = x`, with CPython's messages.

import { PyError, typeError } from '../errors';
import type { Expr } from '../syntax/ast';
import type { PyObject } from './object';
import { isIterable, iterate, toArray } from './protocol';

/** Splits `value` into one object per target; a starred target receives a list of the rest. */
export function unpackValues(targets: readonly Expr[], value: PyObject): { values: PyObject[]; starAt: number } {
  if (!isIterable(value)) throw typeError(`cannot unpack non-iterable ${value.cls.name} object`);
  const starAt = targets.findIndex((t) => t.kind === 'Starred');
  const n = targets.length;
  if (starAt < 0) {
    // Like CPython, draw one item more than needed and no further: `a, b = itertools.count()`
    // fails at once instead of running forever.
    const items: PyObject[] = [];
    for (const x of iterate(value)) {
      items.push(x);
      if (items.length > n) break;
    }
    if (items.length > n) throw new PyError('ValueError', `too many values to unpack (expected ${n})`);
    if (items.length < n) throw new PyError('ValueError', `not enough values to unpack (expected ${n}, got ${items.length})`);
    return { values: items, starAt };
  }
  const items = toArray(value);
  if (items.length < n - 1) {
    throw new PyError('ValueError', `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
  }
  return { values: items, starAt };
}
