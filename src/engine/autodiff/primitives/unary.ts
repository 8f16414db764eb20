// Elementwise unary primitives. Each is described by the dtypes it accepts, its result dtype,
// and its derivative as a map g -> g·f'(x) (JAX's `defjvp`/`defjvp2` rules in lax.py). For a
// multiplication map the transpose is the same map, so the VJP reuses it unless a primitive
// says otherwise (real, imag, conj and complex abs are not complex-linear multiplications).

import { type AVal, type DType, DTYPES, isComplex } from '../../array/dtype';
import * as K from '../../array/kernels';
import { NDArray } from '../../array/ndarray';
import { notSupported, typeError } from '../../errors';
import { avalOf, bind1, shortType, type Value } from '../core';
import * as lax from '../lax';
import { type Accept, checkDtypes, complexDtype, realDtype } from '../shapes';
import { mapZ } from './common';
import type { PrimitiveRules, UnaryPrimitive } from './types';

type Deriv = (g: Value, x: Value, ans: Value) => Value;

interface UnarySpec {
  accept: readonly Accept[];
  /** Result dtype (default: the operand's). */
  outDtype?: (d: DType) => DType;
  /** Result weak type (default: the operand's). */
  outWeak?: (a: AVal) => boolean;
  /** g -> tangent of the result; null: derivative zero everywhere (step functions). */
  jvp: Deriv | null;
  /** ct -> cotangent of the operand, when it is not `jvp` itself. */
  transpose?: Deriv;
  /** The kernel to run (default: the primitive's name). */
  kernel?: (x: NDArray) => NDArray;
}

const FLOAT: Accept[] = ['float'];
const INEXACT: Accept[] = ['float', 'complex'];
const NUM: Accept[] = ['int', 'float', 'complex'];

const c = (x: Value, v: number) => lax.scalarLike(x, v);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

export function unaryRules(name: UnaryPrimitive, spec: UnarySpec): PrimitiveRules<Record<string, never>> {
  const kernel = spec.kernel ?? ((x: NDArray) => K.unary(name as K.UnaryKernel, x));
  const transpose = spec.transpose ?? spec.jvp;
  return {
    impl: ([x]) => [kernel(x)],
    abstractEval([x]) {
      checkDtypes(name, [x], spec.accept);
      return [
        {
          shape: x.shape,
          dtype: spec.outDtype ? spec.outDtype(x.dtype) : x.dtype,
          weakType: spec.outWeak ? spec.outWeak(x) : x.weakType,
        },
      ];
    },
    jvp([x], [t]) {
      const ans = bind1(name, [x], {});
      const jvp = spec.jvp;
      return { primalsOut: [ans], tangentsOut: [jvp ? mapZ(t, (g) => jvp(g, x, ans)) : null] };
    },
    vjp([ct], [x], [ans]) {
      return [transpose ? mapZ(ct, (g) => transpose(g, x, ans)) : null];
    },
    batch([x], [d]) {
      return { outs: [bind1(name, [x], {})], dims: [d] };
    },
  };
}

const zeroDeriv = (accept: readonly Accept[], extra: Partial<UnarySpec> = {}): UnarySpec => ({
  accept,
  jvp: null,
  ...extra,
});

const isComplexValue = (x: Value) => isComplex(avalOf(x).dtype);

export const UNARY_RULES: { [P in UnaryPrimitive]: PrimitiveRules<Record<string, never>> } = {
  neg: unaryRules('neg', { accept: NUM, jvp: (g) => lax.neg(g) }),
  sign: unaryRules('sign', zeroDeriv(NUM)),
  floor: unaryRules('floor', zeroDeriv(FLOAT)),
  ceil: unaryRules('ceil', zeroDeriv(FLOAT)),
  is_finite: unaryRules('is_finite', zeroDeriv(FLOAT, { outDtype: () => 'bool', outWeak: () => false })),
  not: unaryRules('not', zeroDeriv(['bool', 'int'])),
  population_count: unaryRules('population_count', zeroDeriv(['int'])),
  clz: unaryRules('clz', zeroDeriv(['int'])),
  stop_gradient: unaryRules('stop_gradient', zeroDeriv(['bool', 'int', 'float', 'complex'], { kernel: (x) => x })),
  exp: unaryRules('exp', { accept: INEXACT, jvp: (g, _x, ans) => lax.mul(g, ans) }),
  exp2: unaryRules('exp2', {
    accept: INEXACT,
    jvp: (g, x, ans) => lax.mul(g, lax.mul(c(x, Math.LN2), ans)),
  }),
  log: unaryRules('log', { accept: INEXACT, jvp: (g, x) => lax.div(g, x) }),
  log1p: unaryRules('log1p', { accept: INEXACT, jvp: (g, x) => lax.div(g, lax.add(x, c(x, 1))) }),
  expm1: unaryRules('expm1', { accept: INEXACT, jvp: (g, _x, ans) => lax.mul(g, lax.add(ans, c(ans, 1))) }),
  tanh: unaryRules('tanh', {
    accept: INEXACT,
    jvp: (g, x, ans) =>
      fusedOnArrays(K.tanhDerivative, g, ans) ?? lax.mul(lax.add(g, lax.mul(g, ans)), lax.sub(c(x, 1), ans)),
  }),
  logistic: unaryRules('logistic', {
    accept: INEXACT,
    jvp: (g, _x, ans) =>
      fusedOnArrays(K.logisticDerivative, g, ans) ?? lax.mul(g, lax.mul(ans, lax.sub(c(ans, 1), ans))),
  }),
  sin: unaryRules('sin', { accept: INEXACT, jvp: (g, x) => lax.mul(g, lax.cos(x)) }),
  cos: unaryRules('cos', { accept: INEXACT, jvp: (g, x) => lax.neg(lax.mul(g, lax.sin(x))) }),
  tan: unaryRules('tan', {
    accept: INEXACT,
    jvp: (g, x, ans) => lax.mul(g, lax.add(c(x, 1), lax.square(ans))),
  }),
  asin: unaryRules('asin', {
    accept: INEXACT,
    jvp: (g, x) => lax.mul(g, lax.rsqrt(lax.sub(c(x, 1), lax.square(x)))),
  }),
  acos: unaryRules('acos', {
    accept: INEXACT,
    jvp: (g, x) => lax.mul(g, lax.neg(lax.rsqrt(lax.sub(c(x, 1), lax.square(x))))),
  }),
  atan: unaryRules('atan', { accept: INEXACT, jvp: (g, x) => lax.div(g, lax.add(c(x, 1), lax.square(x))) }),
  sinh: unaryRules('sinh', { accept: INEXACT, jvp: (g, x) => lax.mul(g, lax.cosh(x)) }),
  cosh: unaryRules('cosh', { accept: INEXACT, jvp: (g, x) => lax.mul(g, lax.sinh(x)) }),
  asinh: unaryRules('asinh', {
    accept: INEXACT,
    jvp: (g, x) => lax.mul(g, lax.rsqrt(lax.add(lax.square(x), c(x, 1)))),
  }),
  acosh: unaryRules('acosh', {
    accept: INEXACT,
    jvp: (g, x) => lax.mul(g, lax.rsqrt(lax.mul(lax.sub(x, c(x, 1)), lax.add(x, c(x, 1))))),
  }),
  atanh: unaryRules('atanh', {
    accept: INEXACT,
    jvp: (g, x) => lax.mul(lax.div(c(x, 1), lax.add(c(x, 1), x)), lax.div(g, lax.sub(c(x, 1), x))),
  }),
  // JAX's convention: d sqrt at 0 is g * 0.5 / 0 = inf (SEMANTICS §2.7).
  sqrt: unaryRules('sqrt', { accept: INEXACT, jvp: (g, x, ans) => lax.mul(g, lax.div(c(x, 0.5), ans)) }),
  rsqrt: unaryRules('rsqrt', {
    accept: INEXACT,
    jvp: (g, x, ans) => lax.mul(g, lax.mul(c(x, -0.5), lax.div(ans, x))),
  }),
  cbrt: unaryRules('cbrt', {
    accept: FLOAT,
    jvp: (g, x, ans) => lax.mul(g, lax.mul(c(x, 1 / 3), lax.integerPow(ans, -2))),
  }),
  // Real abs: select(x >= 0, g, -g), so the derivative at 0 is +1 (SEMANTICS §2.7).
  abs: unaryRules('abs', {
    accept: NUM,
    outDtype: realDtype,
    jvp: (g, x, ans) =>
      isComplexValue(x)
        ? lax.real(lax.mul(g, lax.div(lax.conj(x), replaceZero(lax.convertElementType(ans, avalOf(x).dtype, avalOf(ans).weakType)))))
        : lax.select(lax.ge(x, c(x, 0)), g, lax.neg(g)),
    transpose: (ct, x, ans) =>
      isComplexValue(x)
        ? lax.mul(
            toComplex(ct),
            lax.div(lax.conj(x), replaceZero(lax.convertElementType(ans, avalOf(x).dtype, avalOf(ans).weakType))),
          )
        : lax.select(lax.ge(x, c(x, 0)), ct, lax.neg(ct)),
  }),
  erf: unaryRules('erf', {
    accept: FLOAT,
    jvp: (g, x) => lax.mul(c(x, TWO_OVER_SQRT_PI), lax.mul(g, lax.exp(lax.neg(lax.square(x))))),
  }),
  erfc: unaryRules('erfc', {
    accept: FLOAT,
    jvp: (g, x) => lax.mul(c(x, TWO_OVER_SQRT_PI), lax.mul(lax.neg(g), lax.exp(lax.neg(lax.square(x))))),
  }),
  erf_inv: unaryRules('erf_inv', {
    accept: FLOAT,
    jvp: (g, x, ans) => lax.mul(c(x, Math.sqrt(Math.PI) / 2), lax.mul(g, lax.exp(lax.square(ans)))),
  }),
  lgamma: unaryRules('lgamma', { accept: FLOAT, jvp: (g, x) => lax.mul(g, lax.digamma(x)) }),
  // JAX differentiates digamma with polygamma(1, x), which has no kernel here yet.
  digamma: unaryRules('digamma', {
    accept: FLOAT,
    jvp: () => {
      throw notSupported('the derivative of digamma (polygamma)');
    },
  }),
  real: unaryRules('real', {
    accept: ['complex'],
    outDtype: realDtype,
    jvp: (g) => lax.real(g),
    transpose: (ct) => toComplex(ct),
  }),
  imag: unaryRules('imag', {
    accept: ['complex'],
    outDtype: realDtype,
    jvp: (g) => lax.imag(g),
    transpose: (ct) => lax.complex(lax.zerosLike(ct), lax.neg(ct)),
  }),
  // lax.conj accepts real operands and returns complex; its transpose takes the real part back.
  conj: unaryRules('conj', {
    accept: INEXACT,
    outDtype: (d) => complexDtype(realDtype(d)),
    jvp: (g) => lax.conj(g),
    transpose: (ct, x) => (isComplexValue(x) ? lax.conj(ct) : lax.real(ct)),
    kernel: (x) => K.unary('conj', isComplex(x.dtype) ? x : K.convert(x, complexDtype(x.dtype), x.weakType)),
  }),
  square: unaryRules('square', {
    accept: NUM,
    jvp: (g, x) => fusedOnArrays(K.squareDerivative, g, x) ?? lax.mul(g, lax.mul(c(x, 2), x)),
  }),
};

/**
 * The one-pass kernel for a derivative chain when both operands are concrete arrays (no
 * transformation is watching, so binding the chain would only run its kernels one by one);
 * null when either is a tracer or the kernel does not handle the layout.
 */
function fusedOnArrays(kernel: (a: NDArray, b: NDArray) => NDArray | null, a: Value, b: Value): NDArray | null {
  return a instanceof NDArray && b instanceof NDArray ? kernel(a, b) : null;
}

/** x with zeros replaced by ones (lax's `_replace_zero`). */
function replaceZero(x: Value): Value {
  return lax.select(lax.eq(x, c(x, 0)), lax.onesLike(x), x);
}

function toComplex(re: Value): Value {
  return lax.complex(re, lax.zerosLike(re));
}

/** lax.round: `method` 'away' rounds half away from zero (the default), 'even' to nearest even. */
export const ROUND_RULES: PrimitiveRules<{ method: 'away' | 'even' }> = {
  impl: ([x], { method }) => [K.unary(method === 'away' ? 'round' : 'round_even', x)],
  abstractEval([x]) {
    checkDtypes('round', [x], FLOAT);
    return [x];
  },
  jvp: ([x], _t, params) => ({ primalsOut: [bind1('round', [x], params)], tangentsOut: [null] }),
  vjp: () => [null],
  batch: ([x], [d], params) => ({ outs: [bind1('round', [x], params)], dims: [d] }),
};

/** x ** y for a static integer y; differentiable at 0 (SEMANTICS §2.7). */
export const INTEGER_POW_RULES: PrimitiveRules<{ y: number }> = {
  impl: ([x], { y }) => [K.integerPow(x, y)],
  abstractEval([x], { y }) {
    checkDtypes('integer_pow', [x], NUM);
    if (y < 0 && (DTYPES[x.dtype].kind === 'int' || DTYPES[x.dtype].kind === 'uint')) {
      throw typeError(`Integers cannot be raised to negative powers, got integer_pow(${shortType(x)}, ${y})`);
    }
    return [{ shape: x.shape, dtype: x.dtype, weakType: x.weakType }];
  },
  jvp([x], [t], params) {
    const ans = bind1('integer_pow', [x], params);
    return { primalsOut: [ans], tangentsOut: [mapZ(t, (g) => integerPowDeriv(g, x, params.y))] };
  },
  vjp: ([ct], [x], _outs, { y }) => [mapZ(ct, (g) => integerPowDeriv(g, x, y))],
  batch: ([x], [d], params) => ({ outs: [bind1('integer_pow', [x], params)], dims: [d] }),
};

function integerPowDeriv(g: Value, x: Value, y: number): Value {
  if (y === 0) return lax.zerosLike(g);
  if (y === 2) {
    const fused = fusedOnArrays(K.squareDerivative, g, x);
    if (fused) return fused;
  }
  // x**1 is x itself: skip a full pass over the array for the common square.
  const pow = y === 2 ? x : lax.integerPow(x, y - 1);
  return lax.mul(g, lax.mul(c(x, y), pow));
}
