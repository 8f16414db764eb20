// Reductions (reduce_sum/prod/max/min/and/or, argmax/argmin) and cumulative scans.
// reduce_max/min ties share the derivative equally among the tied positions (lax's
// `_reduce_chooser_jvp_rule`); reduce_prod's derivative uses exclusive products, so zeros in
// the operand are handled exactly. Result weak type: the operand's (argmax/argmin: never).

import type { AVal, DType } from '../../array/dtype';
import * as K from '../../array/kernels';
import { typeError, valueError } from '../../errors';
import { avalOf, bind1, type Value } from '../core';
import * as lax from '../lax';
import { type Accept, checkDtypes, range, shapeRepr } from '../shapes';
import { mapZ, moveAxis } from './common';
import { scanDerivative } from './scan';
import type { CumulativePrimitive, PrimitiveRules, ReducePrimitive } from './types';

type AxesParams = { axes: readonly number[] };

const KERNEL_OP = {
  reduce_sum: 'sum',
  reduce_prod: 'prod',
  reduce_max: 'max',
  reduce_min: 'min',
  reduce_and: 'and',
  reduce_or: 'or',
} as const;

function reducedShape(name: string, x: AVal, axes: readonly number[]): number[] {
  if (axes.some((a) => !Number.isInteger(a) || a < 0 || a >= x.shape.length)) {
    throw valueError(`reduction axes (${axes.join(', ')}${axes.length === 1 ? ',' : ''}) contains out-of-bounds indices for ${x.dtype}[${x.shape.join(',')}].`);
  }
  if (new Set(axes).size !== axes.length) {
    throw valueError(`duplicate value in 'axes' of reduction: (${axes.join(', ')}${axes.length === 1 ? ',' : ''})`);
  }
  void name;
  return x.shape.filter((_, i) => !axes.includes(i));
}

/** Broadcasts a reduced value back over the reduced axes of `x`. */
function unreduce(v: Value, x: AVal, axes: readonly number[]): Value {
  const kept = range(x.shape.length).filter((i) => !axes.includes(i));
  return lax.broadcastInDim(v, x.shape, kept);
}

function reduceRules(
  name: ReducePrimitive,
  accept: readonly Accept[],
  derivative: ((x: Value, ans: Value, axes: readonly number[]) => Value) | 'linear' | null,
): PrimitiveRules<AxesParams> {
  return {
    impl: ([x], { axes }) => [K.reduce(KERNEL_OP[name], x, axes)],
    abstractEval([x], { axes }) {
      checkDtypes(name, [x], accept);
      return [{ shape: reducedShape(name, x, axes), dtype: x.dtype, weakType: x.weakType }];
    },
    jvp([x], [t], params) {
      const ans = bind1(name, [x], params);
      if (derivative === null) return { primalsOut: [ans], tangentsOut: [null] };
      const weights = derivative === 'linear' ? null : derivative(x, ans, params.axes);
      const tangent = mapZ(t, (g) => lax.reduceSum(weights ? lax.mul(g, weights) : g, params.axes));
      return { primalsOut: [ans], tangentsOut: [tangent] };
    },
    vjp([ct], [x], [ans], { axes }) {
      if (derivative === null || ct === null) return [null];
      const spread = unreduce(ct, avalOf(x), axes);
      return [derivative === 'linear' ? spread : lax.mul(spread, derivative(x, ans, axes))];
    },
    batch([x], [d], params) {
      const moved = moveAxis(x, d as number, 0);
      return { outs: [bind1(name, [moved], { axes: params.axes.map((a) => a + 1) })], dims: [0] };
    },
  };
}

/** ∂ max/min / ∂x: 1/(number of ties) at the positions equal to the result, else 0. */
function chooserWeights(x: Value, ans: Value, axes: readonly number[]): Value {
  const a = avalOf(x);
  const location = lax.convertElementType(lax.eq(x, unreduce(ans, a, axes)), a.dtype, a.weakType);
  const counts = lax.reduceSum(location, axes);
  return lax.div(location, unreduce(counts, a, axes));
}

/** ∂ prod / ∂x_i = product of the other elements, from exclusive cumulative products. */
function prodWeights(x: Value, _ans: Value, axes: readonly number[]): Value {
  const a = avalOf(x);
  const kept = range(a.shape.length).filter((i) => !axes.includes(i));
  const perm = [...kept, ...axes];
  const n = axes.reduce((p, ax) => p * a.shape[ax], 1);
  if (n === 0) return lax.zerosLike(x); // an empty product is 1 whatever x is: no weights at all
  const keptShape = kept.map((i) => a.shape[i]);
  const flat = lax.reshape(lax.transpose(x, perm), [...keptShape, n]);
  const last = keptShape.length;
  const one = lax.scalarLike(x, 1);
  const noPad = keptShape.map(() => [0, 0, 0] as [number, number, number]);
  const before = lax.cumprod(flat, last);
  const after = lax.cumprod(flat, last, true);
  const sliceEnd = (v: Value, from: number, to: number) =>
    lax.slice(v, [...keptShape.map(() => 0), from], [...keptShape, to]);
  // left[i] = prod(x[:i]), right[i] = prod(x[i+1:]).
  const left = lax.pad(sliceEnd(before, 0, Math.max(n - 1, 0)), one, [...noPad, [1, 0, 0]]);
  const right = lax.pad(sliceEnd(after, Math.min(1, n), n), one, [...noPad, [0, 1, 0]]);
  const weights = lax.reshape(lax.mul(left, right), perm.map((p) => a.shape[p]));
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return lax.transpose(weights, inverse);
}

const NUMBER: Accept[] = ['int', 'float', 'complex'];
const ORDERED: Accept[] = ['bool', 'int', 'float'];
const LOGICAL: Accept[] = ['bool', 'int'];

export const REDUCE_RULES: { [P in ReducePrimitive]: PrimitiveRules<AxesParams> } = {
  reduce_sum: reduceRules('reduce_sum', NUMBER, 'linear'),
  reduce_prod: reduceRules('reduce_prod', NUMBER, prodWeights),
  reduce_max: reduceRules('reduce_max', ORDERED, chooserWeights),
  reduce_min: reduceRules('reduce_min', ORDERED, chooserWeights),
  reduce_and: reduceRules('reduce_and', LOGICAL, null),
  reduce_or: reduceRules('reduce_or', LOGICAL, null),
};

type ArgParams = { axis: number; indexDtype: DType };

function argRules(name: 'argmax' | 'argmin'): PrimitiveRules<ArgParams> {
  return {
    impl: ([x], { axis, indexDtype }) => [K.argReduce(name, x, axis, indexDtype)],
    abstractEval([x], { axis, indexDtype }) {
      checkDtypes(name, [x], ORDERED);
      if (!Number.isInteger(axis) || axis < 0 || axis >= x.shape.length) {
        throw valueError(`Invalid axis ${axis} for operand shape ${shapeRepr(x.shape)}`);
      }
      if (x.shape[axis] === 0) {
        throw valueError(`${name} along axis ${axis} of an empty array is undefined`);
      }
      return [{ shape: x.shape.filter((_, i) => i !== axis), dtype: indexDtype, weakType: false }];
    },
    jvp: ([x], _t, params) => ({ primalsOut: [bind1(name, [x], params)], tangentsOut: [null] }),
    vjp: () => [null],
    batch([x], [d], params) {
      const moved = moveAxis(x, d as number, 0);
      return { outs: [bind1(name, [moved], { ...params, axis: params.axis + 1 })], dims: [0] };
    },
  };
}

export const ARGMAX_RULES = argRules('argmax');
export const ARGMIN_RULES = argRules('argmin');

type CumParams = { axis: number; reverse: boolean };

const CUM_OP = { cumsum: 'sum', cumprod: 'prod', cummax: 'max', cummin: 'min' } as const;

function cumulativeRules(name: CumulativePrimitive, accept: readonly Accept[]): PrimitiveRules<CumParams> {
  return {
    impl: ([x], { axis, reverse }) => [K.cumulative(CUM_OP[name], x, axis, reverse)],
    abstractEval([x], { axis }) {
      checkDtypes(name, [x], accept);
      if (!Number.isInteger(axis) || axis < 0 || axis >= x.shape.length) {
        throw valueError(`axis ${axis} is out of bounds for array of dimension ${x.shape.length}`);
      }
      return [{ shape: x.shape, dtype: x.dtype, weakType: x.weakType }];
    },
    jvp([x], [t], params) {
      const ans = bind1(name, [x], params);
      if (t === null) return { primalsOut: [ans], tangentsOut: [null] };
      if (name === 'cumsum') return { primalsOut: [ans], tangentsOut: [lax.cumsum(t, params.axis, params.reverse)] };
      // As JAX: differentiate the associative scan that defines the cumulative operation.
      return { primalsOut: [ans], tangentsOut: [scanDerivative.jvp(CUM_OP[name], x, t, params.axis, params.reverse)] };
    },
    vjp([ct], [x], _outs, params) {
      if (ct === null) return [null];
      if (name === 'cumsum') return [lax.cumsum(ct, params.axis, !params.reverse)];
      return [scanDerivative.vjp(CUM_OP[name], x, ct, params.axis, params.reverse)];
    },
    batch([x], [d], params) {
      const moved = moveAxis(x, d as number, 0);
      return { outs: [bind1(name, [moved], { ...params, axis: params.axis + 1 })], dims: [0] };
    },
  };
}

export const CUMULATIVE_RULES: { [P in CumulativePrimitive]: PrimitiveRules<CumParams> } = {
  cumsum: cumulativeRules('cumsum', NUMBER),
  cumprod: cumulativeRules('cumprod', NUMBER),
  cummax: cumulativeRules('cummax', ORDERED),
  cummin: cumulativeRules('cummin', ORDERED),
};

void typeError;
