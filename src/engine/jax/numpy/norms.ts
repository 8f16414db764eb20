// jnp.linalg.norm with NumPy's `ord`/`axis` semantics (vector norms over one axis, matrix norms
// over two), vector_norm, matrix_norm, matrix_power, multi_dot and linalg.trace. Norms that need
// singular values (ord=2/-2/'nuc' on matrices) are reported as unsupported.

import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, typeError, valueError } from '../../errors';
import { PyBool, type PyNativeFunction, type PyObject, PyStr, PyList, PyTuple } from '../../interp/object';
import { pyInt, pyTuple, toArray, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { fn, isNone } from '../args';
import { wrap } from '../array';
import { arrayArg } from '../coerce';
import { promoteArgsInexact } from '../promote';
import { matmul } from './linalg';
import { diagonal } from './matrix';
import * as R from './reductions';
import { reductionAxes } from './axes';
import { constLike } from './ufuncs';

const LA = 'jax.numpy.linalg';
const W = (v: Value) => wrap(v);
const shapeOf = (v: Value) => avalOf(v).shape;
const flag = (o: PyObject) => !isNone(o) && truthy(o);

/** |x|, real for complex input. */
function magnitude(x: Value): Value {
  return lax.abs(x);
}

function squaredMagnitude(x: Value): Value {
  return avalOf(x).dtype.startsWith('complex') ? lax.real(lax.mul(x, lax.conj(x))) : lax.mul(x, x);
}

type Ord = number | 'fro' | 'nuc' | undefined;

function ordArg(o: PyObject): Ord {
  if (isNone(o)) return undefined;
  if (o instanceof PyStr) return o.value as Ord;
  return toPyFloat(o);
}

function vectorNorm(x: Value, ord: Ord, axis: number, keepdims: boolean): Value {
  const o = { axis: pyInt(axis), keepdims: keepdims ? pyTrue() : undefined };
  if (ord === undefined || ord === 2) return lax.sqrt(R.sum(W(squaredMagnitude(x)), o));
  if (typeof ord === 'string') throw valueError(`Invalid order '${ord}' for vector norm.`);
  if (ord === Infinity) return R.max(W(magnitude(x)), o);
  if (ord === -Infinity) return R.min(W(magnitude(x)), o);
  if (ord === 0) {
    const nz = lax.ne(x, constLike(x, 0));
    const r = R.sum(W(nz), o);
    const real = avalOf(x).dtype.startsWith('complex') ? avalOf(lax.real(x)).dtype : avalOf(x).dtype;
    return lax.convertElementType(r, real, false);
  }
  if (ord === 1) return R.sum(W(magnitude(x)), o);
  const m = magnitude(x);
  const total = R.sum(W(lax.pow(m, constLike(m, ord))), o);
  return lax.pow(total, constLike(total, 1 / ord));
}

function matrixNorm(x: Value, ord: Ord, axes: [number, number], keepdims: boolean): Value {
  let [row, col] = axes;
  const kd = keepdims ? pyTrue() : undefined;
  if (ord === undefined || ord === 'fro') {
    return lax.sqrt(R.sum(W(squaredMagnitude(x)), { axis: pyTuple([pyInt(row), pyInt(col)]), keepdims: kd }));
  }
  const abs = W(magnitude(x));
  if (ord === 1 || ord === -1) {
    if (!keepdims && col > row) col -= 1;
    const sums = W(R.sum(abs, { axis: pyInt(row), keepdims: kd }));
    return ord === 1 ? R.max(sums, { axis: pyInt(col), keepdims: kd }) : R.min(sums, { axis: pyInt(col), keepdims: kd });
  }
  if (ord === Infinity || ord === -Infinity) {
    if (!keepdims && row > col) row -= 1;
    const sums = W(R.sum(abs, { axis: pyInt(col), keepdims: kd }));
    return ord === Infinity ? R.max(sums, { axis: pyInt(row), keepdims: kd }) : R.min(sums, { axis: pyInt(row), keepdims: kd });
  }
  if (ord === 2 || ord === -2 || ord === 'nuc') throw notSupported(`jnp.linalg.norm of a matrix with ord=${typeof ord === 'string' ? `'${ord}'` : ord} (it needs an SVD)`);
  throw valueError(`Invalid order '${ord}' for matrix norm.`);
}

const pyTrue = (): PyObject => PyBool.of(true);

export function norm(a: PyObject, ord: Ord, axisObj: PyObject, keepdims: boolean): Value {
  const [x] = promoteArgsInexact('norm', [a]);
  const nd = shapeOf(x).length;
  if (isNone(axisObj)) {
    if (ord === undefined) {
      const r = lax.sqrt(lax.reduceSum(squaredMagnitude(x), [...Array(nd).keys()]));
      return keepdims ? lax.reshape(r, shapeOf(x).map(() => 1)) : r;
    }
    if (nd === 1) return vectorNorm(x, ord, 0, keepdims);
    if (nd === 2) return matrixNorm(x, ord, [0, 1], keepdims);
    throw valueError('Improper number of dimensions to norm.');
  }
  const axes = axisObj instanceof PyTuple || axisObj instanceof PyList ? toArray(axisObj).map(toIndexNumber) : [toIndexNumber(axisObj)];
  if (axes.length === 1) return vectorNorm(x, ord, reductionAxes(axisObj, nd)[0], keepdims);
  if (axes.length === 2) {
    const ordered = reductionAxes(pyInt(axes[0]), nd).concat(reductionAxes(pyInt(axes[1]), nd)) as [number, number];
    return matrixNorm(x, ord, ordered, keepdims);
  }
  throw valueError(`Invalid axis ${JSON.stringify(axes)} for norm`);
}

function matrixPower(a: PyObject, nObj: PyObject): Value {
  const x = arrayArg('matrix_power', a);
  const s = shapeOf(x);
  if (s.length < 2 || s[s.length - 1] !== s[s.length - 2]) {
    throw valueError(`Argument to matrix_power must have shape [..., n, n], got (${s.join(', ')}${s.length === 1 ? ',' : ''}).`);
  }
  const n = toIndexNumber(nObj);
  if (n < 0) throw notSupported('jnp.linalg.matrix_power with a negative exponent');
  const k = s[s.length - 1];
  if (n === 0) {
    const eye = lax.convertElementType(lax.eq(lax.iota('int32', [k, k], 0), lax.iota('int32', [k, k], 1)), avalOf(x).dtype, false);
    return lax.broadcastInDim(eye, s, [s.length - 2, s.length - 1]);
  }
  // Binary exponentiation, as JAX (the products differ in rounding from repeated multiplication).
  let result: Value | undefined;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e & 1) result = result === undefined ? base : matmul(W(result), W(base));
    e >>= 1;
    if (e > 0) base = matmul(W(base), W(base));
  }
  return result!;
}

function multiDot(arrays: PyObject): Value {
  const items = arrays instanceof PyList || arrays instanceof PyTuple ? toArray(arrays) : undefined;
  if (!items) throw typeError('multi_dot requires a sequence of arrays');
  if (items.length < 2) throw valueError('Expecting at least two arrays.');
  let acc: PyObject = items[0];
  for (const next of items.slice(1)) acc = W(matmul(acc, next));
  return (acc as ReturnType<typeof wrap>).value;
}

export const NORMS: PyNativeFunction[] = [
  fn(LA, 'norm', ['x', 'ord?', 'axis?', 'keepdims?'], (b) => W(norm(b.x, ordArg(b.ord), b.axis, flag(b.keepdims)))),
  fn(LA, 'vector_norm', ['x', 'axis?', 'keepdims?', 'ord?'], (b) => {
    const x = arrayArg('vector_norm', b.x);
    const flat = isNone(b.axis) ? lax.reshape(x, [shapeOf(x).reduce((p, d) => p * d, 1)]) : x;
    const ord = isNone(b.ord) ? 2 : toPyFloat(b.ord);
    const r = norm(W(flat), ord, isNone(b.axis) ? pyInt(0) : b.axis, flag(b.keepdims));
    return W(isNone(b.axis) && flag(b.keepdims) ? lax.reshape(r, shapeOf(x).map(() => 1)) : r);
  }),
  fn(LA, 'matrix_norm', ['x', 'keepdims?', 'ord?'], (b) => {
    const x = arrayArg('matrix_norm', b.x);
    return W(norm(W(x), isNone(b.ord) ? 'fro' : ordArg(b.ord), pyTuple([pyInt(-2), pyInt(-1)]), flag(b.keepdims)));
  }),
  fn(LA, 'matrix_power', ['a', 'n'], (b) => W(matrixPower(b.a, b.n))),
  fn(LA, 'multi_dot', ['arrays', 'precision?'], (b) => W(multiDot(b.arrays))),
  fn(LA, 'trace', ['x', 'offset?', 'dtype?'], (b) => {
    const x = arrayArg('trace', b.x);
    const d = diagonal(x, isNone(b.offset) ? 0 : toIndexNumber(b.offset), -2, -1);
    return W(R.sum(W(d), { axis: pyInt(-1), dtype: b.dtype }));
  }),
];
