// The functions of jax.numpy as Python callables: argument binding (Python's texts for bad
// calls) on top of the lax-based implementations in this folder.

import { broadcastShapes, incompatibleShapesMessage } from '../../array/broadcast';
import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { typeError, valueError } from '../../errors';
import { runContext } from '../../context';
import { PyNativeFunction, type PyObject } from '../../interp/object';
import { pyInt, pyRepr, pyTuple, toIndexNumber, toPyFloat, truthy } from '../../interp/protocol';
import { type Bound, bindArgs, fn, isNone, varFn } from '../args';
import { wrap } from '../array';
import { arrayArg, arrayArgs } from '../coerce';
import { dtypeArgument } from '../dtypes';
import { broadcastAll, promoteArgsInexact, promoteDtypes } from '../promote';
import * as C from './creation';
import * as L from './linalg';
import * as R from './reductions';
import * as S from './shape';
import * as U from './ufuncs';
import { normalizeAxis } from './axes';
import { canonicalizeDtype } from '../../array/promotion';
import { einsum } from './einsum';
import { whereOneArg } from './nonzero';

const M = 'jax.numpy';
const W = (v: Value) => wrap(v);
const flag = (o: PyObject) => !isNone(o) && truthy(o);
const int = (o: PyObject, dflt: number) => (isNone(o) ? dflt : toIndexNumber(o));

function reduceOpts(b: Bound): R.ReduceOptions {
  return { axis: b.axis, dtype: b.dtype, keepdims: b.keepdims, where: b.where, initial: b.initial };
}

const RED = ['a', 'axis?', 'dtype?', 'out?', 'keepdims?', 'initial?', 'where?'];
const CHOOSE = ['a', 'axis?', 'out?', 'keepdims?', 'initial?', 'where?'];

const list: PyNativeFunction[] = [];
const def = (name: string, params: string[], impl: (b: Bound) => PyObject) => list.push(fn(M, name, params, impl));

// ---------------------------------------------------------------- elementwise
const binaries: [string, U.Binary][] = [
  ['add', U.add], ['subtract', U.subtract], ['multiply', U.multiply], ['divide', U.trueDivide],
  ['true_divide', U.trueDivide], ['floor_divide', U.floorDivide], ['remainder', U.remainder], ['mod', U.remainder],
  ['power', U.power], ['pow', U.power], ['maximum', U.maximum], ['minimum', U.minimum], ['arctan2', U.arctan2],
  ['atan2', U.arctan2],
  ['equal', U.equal], ['not_equal', U.notEqual], ['less', U.less], ['less_equal', U.lessEqual],
  ['greater', U.greater], ['greater_equal', U.greaterEqual], ['logical_and', U.logicalAnd],
  ['logical_or', U.logicalOr], ['logical_xor', U.logicalXor], ['bitwise_and', U.bitwiseAnd],
  ['bitwise_or', U.bitwiseOr], ['bitwise_xor', U.bitwiseXor], ['matmul', L.matmul], ['dot', L.dot],
  ['vdot', L.vdot], ['inner', L.inner], ['outer', L.outer],
];
for (const [name, f] of binaries) def(name, ['x', 'y'], (b) => W(f(b.x, b.y)));

const unaries: [string, U.Unary][] = [
  ['exp', U.exp], ['exp2', U.exp2], ['log', U.log], ['log1p', U.log1p], ['expm1', U.expm1], ['log2', U.log2],
  ['log10', U.log10], ['sqrt', U.sqrt], ['cbrt', U.cbrt], ['square', U.square], ['abs', U.absolute],
  ['absolute', U.absolute], ['sign', U.sign], ['sin', U.sin], ['cos', U.cos], ['tan', U.tan], ['tanh', U.tanh],
  ['sinh', U.sinh], ['cosh', U.cosh], ['arcsin', U.arcsin], ['arccos', U.arccos], ['arctan', U.arctan],
  ['arcsinh', U.arcsinh], ['arccosh', U.arccosh], ['arctanh', U.arctanh], ['floor', U.floor], ['ceil', U.ceil],
  ['negative', U.negative], ['positive', U.positive], ['reciprocal', U.reciprocal], ['real', U.real],
  ['imag', U.imag], ['conj', U.conjugate], ['conjugate', U.conjugate], ['logical_not', U.logicalNot],
  ['invert', U.invert], ['bitwise_not', U.invert], ['bitwise_invert', U.invert], ['acos', U.arccos], ['asin', U.arcsin],
  ['atan', U.arctan], ['acosh', U.arccosh], ['asinh', U.arcsinh], ['atanh', U.arctanh], ['isnan', U.isnan], ['isfinite', U.isfinite], ['isinf', U.isinf],
];
for (const [name, f] of unaries) def(name, ['x'], (b) => W(f(b.x)));

def('round', ['a', 'decimals?', 'out?'], (b) => W(U.round(b.a, int(b.decimals, 0))));
def('around', ['a', 'decimals?', 'out?'], (b) => W(U.round(b.a, int(b.decimals, 0))));

def('clip', ['arr?', 'min?', 'max?', 'a?', 'a_min?', 'a_max?'], (b) => {
  if (!isNone(b.a) || !isNone(b.a_min) || !isNone(b.a_max)) {
    runContext().warn(
      'DeprecationWarning',
      "Passing arguments 'a', 'a_min' or 'a_max' to jax.numpy.clip is deprecated. Please use 'arr', 'min' or 'max' respectively instead.",
    );
  }
  let x: PyObject = isNone(b.arr) ? b.a : b.arr;
  const lo = isNone(b.min) ? b.a_min : b.min;
  const hi = isNone(b.max) ? b.a_max : b.max;
  if (!isNone(lo)) x = W(U.maximum(lo, x));
  if (!isNone(hi)) x = W(U.minimum(hi, x));
  return isNone(lo) && isNone(hi) ? W(arrayArg('clip', x)) : x;
});

def('where', ['condition', 'x?', 'y?', 'size?', 'fill_value?'], (b) => {
  if (isNone(b.x) && isNone(b.y)) return whereOneArg(b.condition, b.size, b.fill_value);
  if (isNone(b.x) || isNone(b.y)) {
    throw valueError(`Either both or neither of the x and y arguments should be provided to jax.numpy.where, got ${pyRepr(b.x)} and ${pyRepr(b.y)}.`);
  }
  const cond = U.toBool(arrayArg('where', b.condition));
  const [x, y] = promoteDtypes(arrayArgs('where', [b.x, b.y]));
  const [c, xb, yb] = broadcastAll([cond, x, y]);
  return W(lax.select(c, xb, yb));
});

function isclose(b: Bound): Value {
  const [x, y] = promoteArgsInexact('isclose', [b.a, b.b]);
  const [xb, yb] = broadcastAll([x, y]);
  const rtol = isNone(b.rtol) ? 1e-5 : toPyFloat(b.rtol);
  const atol = isNone(b.atol) ? 1e-8 : toPyFloat(b.atol);
  const diff = lax.abs(lax.sub(xb, yb));
  const bound = lax.add(U.constLike(xb, atol), lax.mul(U.constLike(xb, rtol), lax.abs(yb)));
  let close = lax.or(lax.le(diff, bound), lax.eq(xb, yb));
  if (flag(b.equal_nan)) close = lax.or(close, lax.and(lax.ne(xb, xb), lax.ne(yb, yb)));
  return close;
}
const CLOSE = ['a', 'b', 'rtol?', 'atol?', 'equal_nan?'];
def('isclose', CLOSE, (b) => W(isclose(b)));
def('allclose', CLOSE, (b) => {
  const c = isclose(b);
  return W(lax.reduceAnd(c, [...avalOf(c).shape.keys()]));
});
def('array_equal', ['a1', 'a2', 'equal_nan?'], (b) => {
  const [x, y] = promoteDtypes(arrayArgs('array_equal', [b.a1, b.a2]));
  const sx = avalOf(x).shape;
  const sy = avalOf(y).shape;
  if (sx.length !== sy.length || sx.some((d, i) => d !== sy[i])) return W(lax.full([], false, 'bool', false));
  let eq = lax.eq(x, y);
  if (flag(b.equal_nan)) eq = lax.or(eq, lax.and(lax.ne(x, x), lax.ne(y, y)));
  return W(lax.reduceAnd(eq, [...sx.keys()]));
});

// ---------------------------------------------------------------- reductions
def('sum', RED, (b) => W(R.sum(b.a, reduceOpts(b))));
def('prod', RED, (b) => W(R.prod(b.a, reduceOpts(b))));
def('max', CHOOSE, (b) => W(R.max(b.a, reduceOpts(b))));
def('amax', CHOOSE, (b) => W(R.max(b.a, reduceOpts(b))));
def('min', CHOOSE, (b) => W(R.min(b.a, reduceOpts(b))));
def('amin', CHOOSE, (b) => W(R.min(b.a, reduceOpts(b))));
def('any', ['a', 'axis?', 'out?', 'keepdims?', 'where?'], (b) => W(R.any(b.a, reduceOpts(b))));
def('all', ['a', 'axis?', 'out?', 'keepdims?', 'where?'], (b) => W(R.all(b.a, reduceOpts(b))));
def('mean', ['a', 'axis?', 'dtype?', 'out?', 'keepdims?', 'where?'], (b) => W(R.mean(b.a, reduceOpts(b))));
const VAR = ['a', 'axis?', 'dtype?', 'out?', 'ddof?', 'keepdims?', 'where?', 'correction?'];
const ddof = (b: Bound) => (isNone(b.correction) ? int(b.ddof, 0) : toPyFloat(b.correction));
def('var', VAR, (b) => W(R.variance(b.a, ddof(b), reduceOpts(b))));
def('std', VAR, (b) => W(R.std(b.a, ddof(b), reduceOpts(b))));
def('argmax', ['a', 'axis?', 'out?', 'keepdims?'], (b) => W(R.argReduce('argmax', b.a, b.axis, flag(b.keepdims))));
def('argmin', ['a', 'axis?', 'out?', 'keepdims?'], (b) => W(R.argReduce('argmin', b.a, b.axis, flag(b.keepdims))));
def('cumsum', ['a', 'axis?', 'dtype?', 'out?'], (b) => W(R.cumsum(b.a, b.axis, b.dtype)));

// ---------------------------------------------------------------- shapes
def('reshape', ['a', 'shape?', 'order?', 'newshape?'], (b) =>
  W(S.reshape(arrayArg('reshape', b.a), S.shapeArg(isNone(b.shape) ? b.newshape : b.shape))),
);
def('ravel', ['a', 'order?'], (b) => W(S.ravel(arrayArg('ravel', b.a))));
def('transpose', ['a', 'axes?'], (b) =>
  W(S.transpose(arrayArg('transpose', b.a), isNone(b.axes) ? undefined : S.shapeArg(b.axes))),
);
def('swapaxes', ['a', 'axis1', 'axis2'], (b) =>
  W(S.swapaxes(arrayArg('swapaxes', b.a), toIndexNumber(b.axis1), toIndexNumber(b.axis2))),
);
def('moveaxis', ['a', 'source', 'destination'], (b) =>
  W(S.moveaxis(arrayArg('moveaxis', b.a), S.shapeArg(b.source), S.shapeArg(b.destination))),
);
def('expand_dims', ['a', 'axis'], (b) => W(S.expandDims(arrayArg('expand_dims', b.a), S.shapeArg(b.axis))));
def('squeeze', ['a', 'axis?'], (b) => W(S.squeeze(arrayArg('squeeze', b.a), b.axis)));
/** The arrays of a joining function, converted to `dtype=` when one is given. */
function joined(name: string, seq: PyObject, dtype: PyObject): Value[] {
  const d = dtypeArgument(dtype, name);
  const vs = S.sequenceArg(name, seq);
  return d ? vs.map((v) => lax.convertElementType(v, d, false)) : vs;
}
def('stack', ['arrays', 'axis?', 'out?', 'dtype?'], (b) => W(S.stack(joined('stack', b.arrays, b.dtype), int(b.axis, 0))));
// concatenate's axis defaults to 0 and axis=None joins the flattened arrays, so an omitted axis
// must be told from None.
list.push(
  new PyNativeFunction(
    'concatenate',
    (args, kwargs) => {
      const explicitAxis = args.length > 1 || kwargs.has('axis');
      const b = bindArgs('concatenate', args, kwargs, ['arrays', 'axis?', 'dtype?']);
      const vs = joined('concatenate', b.arrays, b.dtype);
      if (explicitAxis && isNone(b.axis)) return W(S.concatenate(vs.map(S.ravel), 0));
      return W(S.concatenate(vs, int(b.axis, 0)));
    },
    `${M}.concatenate`,
  ),
);
def('hstack', ['tup', 'dtype?'], (b) => {
  const vs = joined('hstack', b.tup, b.dtype).map((v) => S.atLeast(v, 1));
  return W(S.concatenate(vs, avalOf(vs[0]).shape.length === 1 ? 0 : 1));
});
def('vstack', ['tup', 'dtype?'], (b) => W(S.concatenate(joined('vstack', b.tup, b.dtype).map((v) => S.atLeast(v, 2)), 0)));
def('broadcast_to', ['array', 'shape'], (b) => W(S.broadcastToShape('broadcast_to', b.array, S.shapeArg(b.shape))));
list.push(
  varFn(M, 'broadcast_shapes', [], (args) => {
    const shapes = args.map(S.shapeArg);
    const r = broadcastShapes(...shapes);
    if (!r) throw valueError(incompatibleShapesMessage(shapes));
    return pyTuple(r.map((d) => pyInt(d)));
  }),
);
list.push(varFn(M, 'einsum', ['optimize', 'precision', 'preferred_element_type'], (args) => W(einsum(args[0], args.slice(1)))));
list.push(
  varFn(M, 'broadcast_arrays', [], (args) => pyTuple(broadcastAll(arrayArgs('broadcast_arrays', args)).map(W))),
);

// sort and argsort: axis defaults to -1, and an explicit axis=None sorts the flattened array, so
// the binding must tell an omitted axis from None.
const SORT = ['a', 'axis?', 'kind?', 'order?', 'stable?', 'descending?'];
function sortLike(name: 'sort' | 'argsort', impl: (x: Value, axis: number, descending: boolean) => Value): PyNativeFunction {
  return new PyNativeFunction(
    name,
    (args, kwargs) => {
      // kind, order, stable and descending are keyword-only.
      if (args.length > 2) throw typeError(`${name}() takes from 1 to 2 positional arguments but ${args.length} were given`);
      const explicitAxis = args.length > 1 || kwargs.has('axis');
      const b = bindArgs(name, args, kwargs, SORT);
      if (!isNone(b.order)) throw valueError(`'order' argument to ${name} is not supported.`);
      let x = arrayArg(name, b.a);
      if (explicitAxis && isNone(b.axis)) x = S.ravel(x);
      const axis = normalizeAxis(explicitAxis && !isNone(b.axis) ? toIndexNumber(b.axis) : -1, avalOf(x).shape.length);
      return W(impl(x, axis, flag(b.descending)));
    },
    `${M}.${name}`,
  );
}
list.push(sortLike('sort', (x, axis, descending) => lax.sort(x, axis, descending)));
list.push(
  sortLike('argsort', (x, axis, descending) => {
    const index = canonicalizeDtype('int64');
    if (!descending) return lax.argsort(x, axis, index);
    // Stable descending order: sort the reversed array, then map positions back and reverse.
    const n = avalOf(x).shape[axis];
    const idx = lax.rev(lax.argsort(lax.rev(x, [axis]), axis, index), [axis]);
    return lax.sub(U.constLike(idx, n - 1), idx);
  }),
);
def('logaddexp', ['x1', 'x2'], (b) => {
  // max + log1p(exp(-|x1 - x2|)): stable for large arguments.
  const [x, y] = promoteArgsInexact('logaddexp', [b.x1, b.x2]);
  const [xb, yb] = broadcastAll([x, y]);
  return W(lax.add(lax.max(xb, yb), lax.log1p(lax.exp(lax.neg(lax.abs(lax.sub(xb, yb)))))));
});
def('shape', ['a'], (b) => pyTuple(avalOf(arrayArg('shape', b.a)).shape.map((d) => pyInt(d))));
def('ndim', ['a'], (b) => pyInt(avalOf(arrayArg('ndim', b.a)).shape.length));
def('size', ['a'], (b) => pyInt(avalOf(arrayArg('size', b.a)).shape.reduce((p, d) => p * d, 1)));

// ---------------------------------------------------------------- creation
def('array', ['object', 'dtype?', 'copy?', 'order?', 'ndmin?'], (b) => {
  const v = C.array(b.object, dtypeArgument(b.dtype, 'array'));
  const nd = avalOf(v).shape.length;
  // ndmin adds leading axes of size 1.
  return W(int(b.ndmin, 0) > nd ? lax.reshape(v, [...new Array<number>(int(b.ndmin, 0) - nd).fill(1), ...avalOf(v).shape]) : v);
});
def('asarray', ['a', 'dtype?', 'order?', 'copy?'], (b) => W(C.array(b.a, dtypeArgument(b.dtype, 'asarray'))));
def('zeros', ['shape', 'dtype?'], (b) => W(C.filled(S.shapeArg(b.shape), 0, dtypeArgument(b.dtype, 'zeros'))));
def('ones', ['shape', 'dtype?'], (b) => W(C.filled(S.shapeArg(b.shape), 1, dtypeArgument(b.dtype, 'ones'))));
def('full', ['shape', 'fill_value', 'dtype?'], (b) => W(C.full(S.shapeArg(b.shape), b.fill_value, dtypeArgument(b.dtype, 'full'))));
const LIKE = ['a', 'dtype?', 'shape?'];
const likeShape = (b: Bound) => (isNone(b.shape) ? undefined : S.shapeArg(b.shape));
def('zeros_like', LIKE, (b) => W(C.like(arrayArg('zeros_like', b.a), 0, dtypeArgument(b.dtype, 'zeros_like'), likeShape(b))));
def('ones_like', LIKE, (b) => W(C.like(arrayArg('ones_like', b.a), 1, dtypeArgument(b.dtype, 'ones_like'), likeShape(b))));
def('full_like', ['a', 'fill_value', 'dtype?', 'shape?'], (b) => {
  const x = arrayArg('full_like', b.a);
  const a = avalOf(x);
  const d = dtypeArgument(b.dtype, 'full_like') ?? a.dtype;
  const shape = likeShape(b) ?? [...a.shape];
  const v = C.full(shape, b.fill_value, d);
  return W(isNone(b.dtype) ? lax.convertElementType(v, d, a.weakType) : v);
});
def('arange', ['start', 'stop?', 'step?', 'dtype?'], (b) =>
  W(C.arange(b.start, isNone(b.stop) ? undefined : b.stop, isNone(b.step) ? undefined : b.step, dtypeArgument(b.dtype, 'arange'))),
);
def('linspace', ['start', 'stop', 'num?', 'endpoint?', 'retstep?', 'dtype?', 'axis?'], (b) => {
  const endpoint = isNone(b.endpoint) ? true : truthy(b.endpoint);
  const num = int(b.num, 50);
  const v = C.linspace(toPyFloat(b.start), toPyFloat(b.stop), num, endpoint, dtypeArgument(b.dtype, 'linspace'));
  if (!flag(b.retstep)) return W(v);
  // retstep=True also returns the spacing, a strong 0-d array of the computation dtype.
  const div = endpoint ? num - 1 : num;
  const compute = U.inexactOf(v);
  const step = div > 0 ? (toPyFloat(b.stop) - toPyFloat(b.start)) / div : NaN;
  return pyTuple([W(v), W(lax.full([], step, compute, false))]);
});
def('eye', ['N', 'M?', 'k?', 'dtype?'], (b) =>
  W(C.eye(toIndexNumber(b.N), isNone(b.M) ? undefined : toIndexNumber(b.M), int(b.k, 0), dtypeArgument(b.dtype, 'eye'))),
);
def('identity', ['n', 'dtype?'], (b) => W(C.eye(toIndexNumber(b.n), undefined, 0, dtypeArgument(b.dtype, 'identity'))));

export const FUNCTIONS: ReadonlyMap<string, PyNativeFunction> = new Map(list.map((f) => [f.name, f]));

