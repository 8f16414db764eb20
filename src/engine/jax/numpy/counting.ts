// jnp.bincount and jnp.unique. bincount adds weights into `length` bins with a scatter-add
// (negative values count in bin 0 and values past the end are dropped, as JAX does), so it
// traces when `length` is given. unique needs concrete values unless `size` is given, as in JAX;
// here it always needs concrete values (a traced call is reported as unsupported).

import { DTYPES } from '../../array/dtype';
import * as K from '../../array/kernels';
import { canonicalizeDtype } from '../../array/promotion';
import { avalOf, concreteValue, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, pyError, typeError, valueError } from '../../errors';
import { type PyNativeFunction, type PyObject } from '../../interp/object';
import { pyTuple, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { type Bound, fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg } from '../coerce';
import * as S from './shape';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const shapeOf = (v: Value) => avalOf(v).shape;
const flag = (o: PyObject) => !isNone(o) && truthy(o);

function numbers(v: Value, why: string): number[] {
  const c = concreteValue(v);
  if (!c) throw pyError('ConcretizationTypeError', `Abstract tracer value encountered where concrete value is expected\n${why}`);
  const out: number[] = [];
  for (let i = 0; i < c.size; i++) out.push(Number(K.getScalar(c, i)));
  return out;
}

function bincount(b: Bound): Value {
  const x = arrayArg('bincount', b.x);
  const kind = DTYPES[avalOf(x).dtype].kind;
  if (kind !== 'int' && kind !== 'uint') throw typeError(`x argument to bincount must have an integer type; got ${avalOf(x).dtype}`);
  if (shapeOf(x).length !== 1) throw valueError('only 1-dimensional input supported.');
  const minlength = isNone(b.minlength) ? 0 : toIndexNumber(b.minlength);
  let length: number;
  if (isNone(b.length)) {
    const xs = numbers(x, "The error occurred because of argument 'x' of jnp.bincount. To avoid this error, pass a static `length` argument.");
    length = Math.max(minlength, xs.length ? Math.max(...xs) + 1 : 0);
  } else length = toIndexNumber(b.length);
  const n = shapeOf(x)[0];
  let w: Value;
  if (isNone(b.weights)) w = lax.full([n], 1, canonicalizeDtype('int64'));
  else {
    w = arrayArg('bincount', b.weights);
    if (shapeOf(w).length !== 1 || shapeOf(w)[0] !== n) throw valueError('shape of weights must match shape of x.');
  }
  const idx = lax.max(x, lax.full([n], 0, avalOf(x).dtype));
  return lax.scatter(lax.full([length], 0, avalOf(w).dtype), [idx], 0, w, 'add');
}

function unique(b: Bound): PyObject {
  if (!isNone(b.axis)) throw notSupported('jnp.unique with axis');
  if (flag(b.return_inverse)) throw notSupported('jnp.unique with return_inverse');
  const x = S.ravel(arrayArg('unique', b.ar));
  const c = concreteValue(x);
  if (!c) throw notSupported('jnp.unique of a traced array');
  const vals: number[] = [];
  for (let i = 0; i < c.size; i++) vals.push(Number(K.getScalar(c, i)));
  // Sorted distinct values (NaNs last and, with equal_nan, counted as one), first index, count.
  const order = vals.map((_, i) => i).sort((i, j) => (Number.isNaN(vals[i]) ? 1 : Number.isNaN(vals[j]) ? -1 : vals[i] - vals[j]) || i - j);
  const equalNan = isNone(b.equal_nan) || truthy(b.equal_nan);
  const groups: { first: number; count: number }[] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    const same = last && (vals[last.first] === vals[i] || (equalNan && Number.isNaN(vals[last.first]) && Number.isNaN(vals[i])));
    if (same) last.count++;
    else groups.push({ first: i, count: 1 });
  }
  let picked = groups;
  if (!isNone(b.size)) picked = groups.slice(0, toIndexNumber(b.size));
  const size = isNone(b.size) ? picked.length : toIndexNumber(b.size);
  const d = avalOf(x).dtype;
  const idx = K.fromNested(picked.map((g) => g.first), canonicalizeDtype('int64'), false);
  let values: Value = lax.gather(x, [idx], 0, 'clip');
  if (size > picked.length) {
    const fill = isNone(b.fill_value) ? (picked.length ? vals[picked[0].first] : 0) : toPyFloat(b.fill_value);
    values = lax.concatenate([values, lax.full([size - picked.length], fill, d)], 0);
  }
  const pad = (xs: number[]) => K.fromNested([...xs, ...new Array<number>(size - xs.length).fill(0)], canonicalizeDtype('int64'), false);
  const out: PyObject[] = [W(values)];
  if (flag(b.return_index)) out.push(W(pad(picked.map((g) => g.first))));
  if (flag(b.return_counts)) out.push(W(pad(picked.map((g) => g.count))));
  return out.length === 1 ? out[0] : pyTuple(out);
}

export const COUNTING: PyNativeFunction[] = [
  fn(M, 'bincount', ['x', 'weights?', 'minlength?', 'length?'], (b) => W(bincount(b))),
  fn(M, 'unique', ['ar', 'return_index?', 'return_inverse?', 'return_counts?', 'axis?', 'equal_nan?', 'size?', 'fill_value?', 'sorted?'], unique),
];
