// Data-dependent shapes: nonzero, one-argument where, argwhere, flatnonzero. Without `size` the
// result shape depends on the values, so (as in JAX) the input must be concrete; with `size` the
// indices are computed by a scatter of positions and work under every transformation.

import { canonicalizeDtype } from '../../array/promotion';
import * as K from '../../array/kernels';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { pyError, valueError } from '../../errors';
import { type PyNativeFunction, type PyObject } from '../../interp/object';
import { pyTuple, toIndexNumber, toPyFloat } from '../../interp/protocol';
import { fn, isNone } from '../args';
import { JaxArray, wrap } from '../array';
import { arrayArg } from '../coerce';
import { shortType } from '../../autodiff/core';
import { constLike, toBool } from './ufuncs';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const indexDtype = () => canonicalizeDtype('int64');

/** Row-major positions of the true elements of `mask`, as one index array per axis. */
function nonzeroIndices(name: string, a: PyObject, sizeObj: PyObject, fillObj: PyObject): Value[] {
  const x = arrayArg(name, a);
  const shape = avalOf(x).shape;
  if (shape.length === 0) throw valueError('Calling nonzero on 0d arrays is not allowed. Use jnp.atleast_1d(scalar).nonzero() instead.');
  const mask = lax.reshape(toBool(x), [shape.reduce((p, d) => p * d, 1)]);
  const n = avalOf(mask).shape[0];
  let size: number;
  if (isNone(sizeObj)) {
    const c = concreteValue(mask);
    if (!c) {
      const shown = a instanceof JaxArray ? `traced array with shape ${shortType(avalOf(x))}` : 'a traced value';
      throw pyError(
        'ConcretizationTypeError',
        `Abstract tracer value encountered where concrete value is expected: ${shown}\n` +
          `The size argument of jnp.${name} must be statically specified to use jnp.${name} within JAX transformations.`,
      );
    }
    size = 0;
    for (let i = 0; i < n; i++) if (K.getScalar(c, i)) size++;
  } else size = toIndexNumber(sizeObj);
  // Each true element goes to slot (number of trues before it); the others go to slot `size`,
  // which the scatter drops. Slots past the count keep the fill value.
  const ones = lax.convertElementType(mask, indexDtype(), false);
  const slot = lax.sub(lax.cumsum(ones, 0), ones);
  const target = lax.select(mask, slot, lax.full([n], size, indexDtype()));
  const flatPositions = lax.iota(indexDtype(), [n], 0);
  const fill = isNone(fillObj) ? 0 : toPyFloat(fillObj);
  const flat = lax.scatter(lax.full([size], -1, indexDtype()), [target], 0, flatPositions, 'set');
  const valid = lax.ge(flat, lax.full([size], 0, indexDtype()));
  // Unravel the flat positions into one coordinate per axis.
  const out: Value[] = [];
  let stride = n;
  for (const d of shape) {
    stride /= d;
    const coord = lax.rem(lax.div(flat, lax.full([size], stride, indexDtype())), lax.full([size], d, indexDtype()));
    out.push(lax.select(valid, coord, constLike(coord, fill)));
  }
  return out;
}

export const NONZERO: PyNativeFunction[] = [
  fn(M, 'nonzero', ['a', 'size?', 'fill_value?'], (b) => pyTuple(nonzeroIndices('nonzero', b.a, b.size, b.fill_value).map(W))),
  fn(M, 'flatnonzero', ['a', 'size?', 'fill_value?'], (b) => {
    const x = arrayArg('flatnonzero', b.a);
    return W(nonzeroIndices('nonzero', W(lax.reshape(x, [avalOf(x).shape.reduce((p, d) => p * d, 1)])), b.size, b.fill_value)[0]);
  }),
  fn(M, 'argwhere', ['a', 'size?', 'fill_value?'], (b) => {
    let x = arrayArg('argwhere', b.a);
    const nd = avalOf(x).shape.length;
    if (nd === 0) x = lax.reshape(x, [1]);
    const cols = nonzeroIndices('nonzero', W(x), b.size, b.fill_value);
    const count = avalOf(cols[0]).shape[0];
    if (nd === 0) return W(lax.full([count, 0], 0, indexDtype()));
    return W(lax.concatenate(cols.map((c) => lax.reshape(c, [count, 1])), 1));
  }),
];

/** `jnp.where(condition)`: the same as `jnp.nonzero(condition)`. */
export function whereOneArg(condition: PyObject, size: PyObject, fill: PyObject): PyObject {
  return pyTuple(nonzeroIndices('nonzero', condition, size, fill).map(W));
}
