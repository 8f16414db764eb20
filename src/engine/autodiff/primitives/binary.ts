// Elementwise binary primitives: equal dtypes, equal ranks whose size-1 dimensions broadcast
// (0-d operands broadcast against anything). Derivatives are JAX's per-operand maps
// g -> g·∂f/∂operand; the VJP applies the same map to the cotangent and `unbroadcast`s it to
// the operand's shape.

import { type AVal, type DType } from '../../array/dtype';
import * as K from '../../array/kernels';
import type { NDArray } from '../../array/ndarray';
import { avalOf, bind1, type Value } from '../core';
import * as lax from '../lax';
import { type Accept, broadcastingShape, checkDtypes, checkSameDtypes, complexDtype } from '../shapes';
import { addAny, alignElementwise, broadcastTo, mapZ, unbroadcast } from './common';
import type { BinaryPrimitive, MaybeZero, PrimitiveRules } from './types';

/** g -> contribution of one operand's tangent to the result's tangent. */
type Partial = (g: Value, x: Value, y: Value, ans: Value) => Value;

interface BinarySpec {
  accept: readonly Accept[];
  /** Result dtype (default: the operands'). */
  outDtype?: (d: DType) => DType;
  /** [∂/∂x, ∂/∂y] maps; null: zero derivative everywhere. */
  partials: readonly [Partial, Partial] | null;
  /** Cotangent maps when they differ from the tangent maps (complex). */
  transposes?: readonly [Partial, Partial];
}

const FLOAT: Accept[] = ['float'];
const INEXACT: Accept[] = ['float', 'complex'];
const NUM: Accept[] = ['int', 'float', 'complex'];
const ANY: Accept[] = ['bool', 'int', 'float', 'complex'];
const BOOL_INT: Accept[] = ['bool', 'int'];

const c = (x: Value, v: number) => lax.scalarLike(x, v);

/** Gives a 0-d operand the other operand's rank (the kernels need equal ranks). */
function alignRanks(x: NDArray, y: NDArray): [NDArray, NDArray] {
  if (x.ndim === y.ndim) return [x, y];
  if (x.ndim === 0) return [K.reshape(x, y.shape.map(() => 1)), y];
  return [x, K.reshape(y, x.shape.map(() => 1))];
}

export function binaryRules(name: BinaryPrimitive, spec: BinarySpec): PrimitiveRules<Record<string, never>> {
  const transposes = spec.transposes ?? spec.partials;
  return {
    impl([x, y]) {
      const [a, b] = alignRanks(x, y);
      if (name === 'complex') return [K.binary('add', K.convert(a, complexDtype(a.dtype), a.weakType), imagUnit(b))];
      return [K.binary(name as K.BinaryKernel, a, b)];
    },
    abstractEval(avals) {
      checkDtypes(name, avals, spec.accept);
      checkSameDtypes(name, avals);
      const shape = broadcastingShape(name, avals);
      const dtype = spec.outDtype ? spec.outDtype(avals[0].dtype) : avals[0].dtype;
      const weakType = dtype !== 'bool' && avals.every((a: AVal) => a.weakType);
      return [{ shape, dtype, weakType }];
    },
    jvp([x, y], [tx, ty]) {
      const ans = bind1(name, [x, y], {});
      const p = spec.partials;
      if (!p) return { primalsOut: [ans], tangentsOut: [null] };
      const out: MaybeZero = addAny(
        mapZ(tx, (g) => p[0](g, x, y, ans)),
        mapZ(ty, (g) => p[1](g, x, y, ans)),
      );
      return { primalsOut: [ans], tangentsOut: [mapZ(out, (t) => broadcastTo(t, avalOf(ans).shape))] };
    },
    vjp([ct], [x, y], [ans], _params, needed) {
      const p = transposes;
      if (!p || ct === null) return [null, null];
      // A constant operand (no tape slot) needs no cotangent: skip that full-size pass.
      return [
        needed?.[0] === false ? null : unbroadcast(p[0](ct, x, y, ans), avalOf(x)),
        needed?.[1] === false ? null : unbroadcast(p[1](ct, x, y, ans), avalOf(y)),
      ];
    },
    batch(args, dims) {
      return { outs: [bind1(name, alignElementwise(args, dims), {})], dims: [0] };
    },
  };
}

/** i·y as a complex array, for lax.complex(x, y) = x + i·y. */
function imagUnit(y: NDArray): NDArray {
  const cd = complexDtype(y.dtype);
  const i = K.full(cd, [], { re: 0, im: 1 }, true);
  return K.binary('mul', K.convert(y, cd, y.weakType), K.reshape(i, y.shape.map(() => 1)));
}

/** lax's `_balanced_eq`: 1 where x is the result, ½ where both operands tie, else 0. */
function balancedEq(x: Value, ans: Value, y: Value): Value {
  const one = lax.onesLike(ans);
  const half = lax.full(avalOf(ans).shape, 0.5, avalOf(ans).dtype, avalOf(ans).weakType);
  const zero = lax.zerosLike(ans);
  return lax.select(lax.eq(x, ans), lax.select(lax.eq(y, ans), half, one), zero);
}

/** x with zeros replaced by ones (lax's `_replace_zero`). */
function replaceZero(x: Value): Value {
  return lax.select(lax.eq(x, c(x, 0)), lax.onesLike(x), x);
}

const zero = (accept: readonly Accept[], outDtype?: (d: DType) => DType): BinarySpec => ({
  accept,
  partials: null,
  ...(outDtype ? { outDtype } : {}),
});
const compare = zero(ANY, () => 'bool');

export const BINARY_RULES: { [P in BinaryPrimitive]: PrimitiveRules<Record<string, never>> } = {
  add: binaryRules('add', { accept: NUM, partials: [(g) => g, (g) => g] }),
  sub: binaryRules('sub', { accept: NUM, partials: [(g) => g, (g) => lax.neg(g)] }),
  mul: binaryRules('mul', { accept: NUM, partials: [(g, _x, y) => lax.mul(g, y), (g, x) => lax.mul(x, g)] }),
  div: binaryRules('div', {
    accept: NUM,
    partials: [(g, _x, y) => lax.div(g, y), (g, x, y) => lax.mul(lax.mul(lax.neg(g), x), lax.integerPow(y, -2))],
  }),
  rem: binaryRules('rem', {
    accept: NUM,
    partials: [
      (g) => g,
      (g, x, y) => lax.mul(lax.neg(g), lax.mul(lax.sign(lax.div(x, y)), lax.floor(lax.abs(lax.div(x, y))))),
    ],
  }),
  // _pow_jvp_lhs / _pow_jvp_rhs: at x = y = 0 the x-derivative is 0·0^-1 = NaN, as in JAX.
  pow: binaryRules('pow', {
    accept: INEXACT,
    partials: [
      (g, x, y) => lax.mul(g, lax.mul(y, lax.pow(x, lax.sub(y, c(y, 1))))),
      (g, x, _y, ans) => lax.mul(g, lax.mul(lax.log(replaceZero(x)), ans)),
    ],
  }),
  max: binaryRules('max', {
    accept: ANY,
    partials: [(g, x, y, ans) => lax.mul(g, balancedEq(x, ans, y)), (g, x, y, ans) => lax.mul(g, balancedEq(y, ans, x))],
  }),
  min: binaryRules('min', {
    accept: ANY,
    partials: [(g, x, y, ans) => lax.mul(g, balancedEq(x, ans, y)), (g, x, y, ans) => lax.mul(g, balancedEq(y, ans, x))],
  }),
  atan2: binaryRules('atan2', {
    accept: FLOAT,
    partials: [
      (g, x, y) => lax.mul(g, lax.div(y, lax.add(lax.square(x), lax.square(y)))),
      (g, x, y) => lax.div(lax.mul(g, lax.neg(x)), lax.add(lax.square(x), lax.square(y))),
    ],
  }),
  // JAX defines no derivative for nextafter; it is a step function, so zero.
  nextafter: binaryRules('nextafter', zero(FLOAT)),
  and: binaryRules('and', zero(BOOL_INT)),
  or: binaryRules('or', zero(BOOL_INT)),
  xor: binaryRules('xor', zero(BOOL_INT)),
  shift_left: binaryRules('shift_left', zero(['int'])),
  shift_right_arithmetic: binaryRules('shift_right_arithmetic', zero(['int'])),
  shift_right_logical: binaryRules('shift_right_logical', zero(['int'])),
  eq: binaryRules('eq', compare),
  ne: binaryRules('ne', compare),
  lt: binaryRules('lt', compare),
  le: binaryRules('le', compare),
  gt: binaryRules('gt', compare),
  ge: binaryRules('ge', compare),
  // complex(x, y) = x + iy is linear; its transpose takes (Re ct, -Im ct) as lax does.
  complex: binaryRules('complex', {
    accept: FLOAT,
    outDtype: complexDtype,
    partials: [(g) => lax.complex(g, lax.zerosLike(g)), (g) => lax.complex(lax.zerosLike(g), g)],
    transposes: [(ct) => lax.real(ct), (ct) => lax.neg(lax.imag(ct))],
  }),
};
