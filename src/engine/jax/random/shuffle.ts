// permutation and choice (jax/_src/random.py's _shuffle, permutation, choice; in our own words).
// A shuffle sorts the values by fresh random 32-bit sort keys, in ceil(3 ln(n) / ln(2**32 - 1))
// rounds (one round up to n = 1625, none for n = 1), each round splitting the key first. The
// sort is stable (lax.sort_key_val's default), which our argsort is too.

import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported } from '../../errors';
import { randomBits, splitKey } from './prng';
import { randint } from './samplers';

const UINT32_MAX = 4294967295;

function keyAt(keys: Value, i: number): Value {
  return lax.reshape(lax.slice(keys, [i, 0], [i + 1, 2], null), [2]);
}

/** `jnp.take(x, idx, axis)` for a 1-D index array. */
function take(x: Value, idx: Value, axis: number): Value {
  return lax.gather(x, [idx], axis, 'clip');
}

/** _shuffle(key, x, 0) for a 1-D x. */
export function shuffle1d(key: Value, x: Value, partitionable: boolean): Value {
  const n = avalOf(x).shape[0];
  const rounds = Math.ceil((3 * Math.log(Math.max(1, n))) / Math.log(UINT32_MAX));
  let k = key;
  let out = x;
  for (let r = 0; r < rounds; r++) {
    const keys = splitKey(k, [2], partitionable);
    k = keyAt(keys, 0);
    const sortKeys = randomBits(keyAt(keys, 1), 32, [n], partitionable);
    out = take(out, lax.argsort(sortKeys, 0, 'int32'), 0);
  }
  return out;
}

/** permutation(key, x, axis) for an array x with ndim >= 1 (independent=False or 1-D). */
export function permuteAlong(key: Value, x: Value, axis: number, partitionable: boolean): Value {
  const shape = avalOf(x).shape;
  if (shape.length === 1) return shuffle1d(key, x, partitionable);
  const ind = shuffle1d(key, lax.iota(canonicalizeDtype('int64'), [shape[axis]], 0), partitionable);
  return take(x, ind, axis);
}

/** choice(key, a, shape, replace, p=None, axis): uniform draws with or without replacement. */
export function choiceUniform(
  key: Value, arr: Value | null, nInputs: number, shape: readonly number[], replace: boolean, axis: number, partitionable: boolean,
): Value {
  const nDraws = shape.reduce((a, b) => a * b, 1);
  if (replace) {
    // randint's default dtype: int32, or int64 under x64.
    const int = canonicalizeDtype('int64');
    const ind = randint(key, shape, lax.full([], 0, int), lax.full([], nInputs, int), int, partitionable);
    if (arr === null) return ind;
    const flat = take(arr, lax.reshape(ind, [nDraws]), axis);
    const aShape = avalOf(arr).shape;
    return lax.reshape(flat, [...aShape.slice(0, axis), ...shape, ...aShape.slice(axis + 1)]);
  }
  const source = arr ?? lax.iota(canonicalizeDtype('int64'), [nInputs], 0);
  const permuted = permuteAlong(key, source, axis, partitionable);
  const sShape = avalOf(source).shape;
  const start = sShape.map(() => 0);
  const limit = sShape.map((d, i) => (i === axis ? nDraws : d));
  const picked = lax.slice(permuted, start, limit, null);
  return lax.reshape(picked, arr === null ? [...shape] : [...sShape.slice(0, axis), ...shape, ...sShape.slice(axis + 1)]);
}

export function refuseIndependent(): never {
  throw notSupported('jax.random.permutation with independent=True on arrays of more than one dimension');
}
