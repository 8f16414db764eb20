// One function per primitive: the API the jax layer (and the rules' own derivatives) call.
// Each takes and returns Values, so it works on concrete arrays and under any transformation.
// Operands must already have equal dtypes (the jax layer promotes with convertElementType).

import type { AVal, DType } from '../array/dtype';
import * as K from '../array/kernels';
import { NDArray } from '../array/ndarray';
import { avalOf, bind, bind1, type Value } from './core';
import type {
  BinaryPrimitive,
  CustomBwd,
  CustomFwd,
  CustomJvpRule,
  DotDims,
  GatherMode,
  ScatterCombine,
  UnaryPrimitive,
  ValueFn,
} from './primitives/types';

const unary = (p: UnaryPrimitive) => (x: Value): Value => bind1(p, [x], {});
const binary = (p: BinaryPrimitive) => (x: Value, y: Value): Value => bind1(p, [x, y], {});

export const neg = unary('neg');
export const sign = unary('sign');
export const floor = unary('floor');
export const ceil = unary('ceil');
export const isFinite = unary('is_finite');
export const exp = unary('exp');
export const exp2 = unary('exp2');
export const log = unary('log');
export const log1p = unary('log1p');
export const expm1 = unary('expm1');
export const tanh = unary('tanh');
export const logistic = unary('logistic');
export const sin = unary('sin');
export const cos = unary('cos');
export const tan = unary('tan');
export const asin = unary('asin');
export const acos = unary('acos');
export const atan = unary('atan');
export const sinh = unary('sinh');
export const cosh = unary('cosh');
export const asinh = unary('asinh');
export const acosh = unary('acosh');
export const atanh = unary('atanh');
export const sqrt = unary('sqrt');
export const rsqrt = unary('rsqrt');
export const cbrt = unary('cbrt');
export const abs = unary('abs');
export const erf = unary('erf');
export const erfc = unary('erfc');
export const erfInv = unary('erf_inv');
export const lgamma = unary('lgamma');
export const digamma = unary('digamma');
export const real = unary('real');
export const imag = unary('imag');
export const conj = unary('conj');
export const square = unary('square');
export const not = unary('not');
export const stopGradient = unary('stop_gradient');
export const populationCount = unary('population_count');
export const clz = unary('clz');

export const add = binary('add');
export const sub = binary('sub');
export const mul = binary('mul');
export const div = binary('div');
export const rem = binary('rem');
export const pow = binary('pow');
export const max = binary('max');
export const min = binary('min');
export const atan2 = binary('atan2');
export const nextafter = binary('nextafter');
export const and = binary('and');
export const or = binary('or');
export const xor = binary('xor');
export const shiftLeft = binary('shift_left');
export const shiftRightArithmetic = binary('shift_right_arithmetic');
export const shiftRightLogical = binary('shift_right_logical');
export const eq = binary('eq');
export const ne = binary('ne');
export const lt = binary('lt');
export const le = binary('le');
export const gt = binary('gt');
export const ge = binary('ge');
/** lax.complex(re, im). */
export const complex = binary('complex');

/** lax.round: half away from zero by default, or to nearest even. */
export function round(x: Value, method: 'away' | 'even' = 'away'): Value {
  return bind1('round', [x], { method });
}

export function integerPow(x: Value, y: number): Value {
  return bind1('integer_pow', [x], { y });
}

/** `onTrue` where `pred`, else `onFalse` (pred bool, same shape or 0-d). */
export function select(pred: Value, onTrue: Value, onFalse: Value): Value {
  return bind1('select_n', [pred, onFalse, onTrue], {});
}

export function clamp(lo: Value, x: Value, hi: Value): Value {
  return bind1('clamp', [lo, x, hi], {});
}

export function convertElementType(x: Value, newDtype: DType, weakType: boolean): Value {
  const a = avalOf(x);
  if (a.dtype === newDtype && a.weakType === weakType) return x;
  return bind1('convert_element_type', [x], { newDtype, weakType });
}

export function reduceSum(x: Value, axes: readonly number[]): Value {
  return bind1('reduce_sum', [x], { axes });
}
export function reduceProd(x: Value, axes: readonly number[]): Value {
  return bind1('reduce_prod', [x], { axes });
}
export function reduceMax(x: Value, axes: readonly number[]): Value {
  return bind1('reduce_max', [x], { axes });
}
export function reduceMin(x: Value, axes: readonly number[]): Value {
  return bind1('reduce_min', [x], { axes });
}
export function reduceAnd(x: Value, axes: readonly number[]): Value {
  return bind1('reduce_and', [x], { axes });
}
export function reduceOr(x: Value, axes: readonly number[]): Value {
  return bind1('reduce_or', [x], { axes });
}
export function argmax(x: Value, axis: number, indexDtype: DType): Value {
  return bind1('argmax', [x], { axis, indexDtype });
}
export function argmin(x: Value, axis: number, indexDtype: DType): Value {
  return bind1('argmin', [x], { axis, indexDtype });
}
export function cumsum(x: Value, axis: number, reverse = false): Value {
  return bind1('cumsum', [x], { axis, reverse });
}
export function cumprod(x: Value, axis: number, reverse = false): Value {
  return bind1('cumprod', [x], { axis, reverse });
}
export function cummax(x: Value, axis: number, reverse = false): Value {
  return bind1('cummax', [x], { axis, reverse });
}
export function cummin(x: Value, axis: number, reverse = false): Value {
  return bind1('cummin', [x], { axis, reverse });
}

export function broadcastInDim(x: Value, shape: readonly number[], broadcastDimensions: readonly number[]): Value {
  const a = avalOf(x);
  if (sameList(a.shape, shape) && broadcastDimensions.every((d, i) => d === i)) return x;
  return bind1('broadcast_in_dim', [x], { shape, broadcastDimensions });
}

export function reshape(x: Value, newSizes: readonly number[]): Value {
  if (sameList(avalOf(x).shape, newSizes)) return x;
  return bind1('reshape', [x], { newSizes });
}

export function squeeze(x: Value, dimensions: readonly number[]): Value {
  if (dimensions.length === 0) return x;
  return bind1('squeeze', [x], { dimensions });
}

export function expandDims(x: Value, dimensions: readonly number[]): Value {
  if (dimensions.length === 0) return x;
  return bind1('expand_dims', [x], { dimensions });
}

export function transpose(x: Value, permutation: readonly number[]): Value {
  if (permutation.every((p, i) => p === i)) return x;
  return bind1('transpose', [x], { permutation });
}

export function rev(x: Value, dimensions: readonly number[]): Value {
  if (dimensions.length === 0) return x;
  return bind1('rev', [x], { dimensions });
}

export function slice(
  x: Value,
  start: readonly number[],
  limit: readonly number[],
  strides: readonly number[] | null = null,
): Value {
  return bind1('slice', [x], { start, limit, strides });
}

/** `start` are 0-d integer Values (one per axis); clamped into range like lax. */
export function dynamicSlice(x: Value, start: readonly Value[], sliceSizes: readonly number[]): Value {
  return bind1('dynamic_slice', [x, ...start], { sliceSizes });
}

export function dynamicUpdateSlice(x: Value, update: Value, start: readonly Value[]): Value {
  return bind1('dynamic_update_slice', [x, update, ...start], {});
}

export function pad(x: Value, padValue: Value, config: readonly (readonly [number, number, number])[]): Value {
  return bind1('pad', [x, padValue], { config });
}

export function concatenate(xs: readonly Value[], dimension: number): Value {
  if (xs.length === 1) return xs[0];
  return bind1('concatenate', xs, { dimension });
}

export function iota(dtype: DType, shape: readonly number[], dimension: number): Value {
  return bind1('iota', [], { dtype, shape, dimension });
}

export function dotGeneral(x: Value, y: Value, dims: DotDims, preferredDtype: DType | null = null): Value {
  return bind1('dot_general', [x, y], { dims, preferredDtype });
}

/** Advanced indexing of k consecutive axes from `startAxis` (see the kernel contract). */
export function gather(
  x: Value,
  indices: readonly Value[],
  startAxis: number,
  mode: GatherMode,
  fill: number | boolean | null = null,
): Value {
  return bind1('gather', [x, ...indices], { startAxis, mode, fillValue: fill });
}

export function scatter(
  x: Value,
  indices: readonly Value[],
  startAxis: number,
  updates: Value,
  combine: ScatterCombine,
): Value {
  return bind1('scatter', [x, updates, ...indices], { startAxis, combine });
}

export function sort(x: Value, dimension: number, descending = false): Value {
  const sorted = bind1('sort', [x], { dimension });
  return descending ? rev(sorted, [dimension]) : sorted;
}

export function argsort(x: Value, dimension: number, indexDtype: DType): Value {
  return bind1('argsort', [x], { dimension, indexDtype });
}

/** jax.custom_jvp: `fn(args)`, differentiated with `jvp(primals, tangents)`. */
export function customJvpCall(fn: ValueFn, jvp: CustomJvpRule, args: readonly Value[]): Value[] {
  return bind('custom_jvp_call', args, { fn, jvp });
}

/** jax.custom_vjp: `fn(args)`, differentiated in reverse mode with `fwd` and `bwd`. */
export function customVjpCall(fn: ValueFn, fwd: CustomFwd, bwd: CustomBwd, args: readonly Value[]): Value[] {
  return bind('custom_vjp_call', args, { fn, fwd, bwd });
}

/** A constant array (no primitive: constants are concrete at every level). */
export function full(shape: readonly number[], value: number | boolean | { re: number; im: number }, dtype: DType, weakType = false): NDArray {
  return K.full(dtype, shape, value, weakType);
}

/** A 0-d constant with `like`'s dtype, weakly typed so it never changes a result's weak type. */
export function scalarLike(like: Value | AVal, value: number | boolean): NDArray {
  const a = isAval(like) ? like : avalOf(like);
  return K.full(a.dtype, [], value, a.dtype !== 'bool');
}

/** Zeros with `v`'s shape, dtype and weak type. */
export function zerosLike(v: Value | AVal): NDArray {
  const a = isAval(v) ? v : avalOf(v);
  return K.full(a.dtype, a.shape, 0, a.weakType);
}

export function onesLike(v: Value | AVal): NDArray {
  const a = isAval(v) ? v : avalOf(v);
  return K.full(a.dtype, a.shape, a.dtype === 'bool' ? true : 1, a.weakType);
}

export { avalOf, bind };

function isAval(v: Value | AVal): v is AVal {
  return !(v instanceof NDArray) && !('trace' in v);
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
