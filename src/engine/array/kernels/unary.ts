// Elementwise unary kernels. Each op is a scalar function in float64 whose result is rounded to
// the result dtype on store. The ops the benchmarks and common gradients hit (neg, exp, log,
// tanh, logistic, ...) have their own monomorphic loops for float32/float64 arrays (floatLoops.ts).

import { type DType, DTYPES } from '../dtype';
import { NDArray } from '../ndarray';
import { complexUnary } from './complex';
import { isFastUnary, unary32, unary64 } from './floatLoops';
import { digamma, erf, erfc, erfInv, lgamma } from '../../numeric/special';
import { intBits, isComplexDtype, storeRounder } from './util';

export type UnaryKernel =
  | 'neg' | 'sign' | 'floor' | 'ceil' | 'round' | 'round_even' | 'is_finite' | 'exp' | 'exp2'
  | 'log' | 'log1p' | 'expm1' | 'tanh' | 'logistic' | 'sin' | 'cos' | 'tan' | 'asin' | 'acos'
  | 'atan' | 'sinh' | 'cosh' | 'asinh' | 'acosh' | 'atanh' | 'sqrt' | 'rsqrt' | 'cbrt' | 'abs'
  | 'not' | 'erf' | 'erfc' | 'erf_inv' | 'lgamma' | 'digamma' | 'real' | 'imag' | 'conj'
  | 'square' | 'reciprocal' | 'population_count' | 'clz';

/** Rounds half away from zero (lax.round's default). Exact: x - trunc(x) has no rounding error. */
export function roundHalfAway(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** Rounds half to even (lax.round with ROUND_TO_NEAREST_EVEN, jnp.round). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  const r = d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r === 0 ? x * 0 : r; // keeps the sign of zero: round(-0.5) is -0.
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The scalar function of a real (non-complex) unary op on dtype `d`. */
function realUnaryFn(op: UnaryKernel, d: DType): (a: number) => number {
  const kind = DTYPES[d].kind;
  const integral = kind === 'int' || kind === 'uint' || kind === 'bool';
  switch (op) {
    case 'neg': return (a) => -a;
    case 'sign': return Math.sign;
    case 'floor': return Math.floor;
    case 'ceil': return Math.ceil;
    case 'round': return roundHalfAway;
    case 'round_even': return roundHalfEven;
    case 'is_finite': return (a) => (Number.isFinite(a) ? 1 : 0);
    case 'exp': return Math.exp;
    case 'exp2': return (a) => 2 ** a;
    case 'log': return Math.log;
    case 'log1p': return Math.log1p;
    case 'expm1': return Math.expm1;
    case 'tanh': return Math.tanh;
    case 'logistic': return (a) => 1 / (1 + Math.exp(-a));
    case 'sin': return Math.sin;
    case 'cos': return Math.cos;
    case 'tan': return Math.tan;
    case 'asin': return Math.asin;
    case 'acos': return Math.acos;
    case 'atan': return Math.atan;
    case 'sinh': return Math.sinh;
    case 'cosh': return Math.cosh;
    case 'asinh': return Math.asinh;
    case 'acosh': return Math.acosh;
    case 'atanh': return Math.atanh;
    case 'sqrt': return Math.sqrt;
    case 'rsqrt': return (a) => 1 / Math.sqrt(a);
    case 'cbrt': return Math.cbrt;
    case 'abs': return Math.abs;
    case 'erf': return erf;
    case 'erfc': return erfc;
    case 'erf_inv': return erfInv;
    case 'lgamma': return lgamma;
    case 'digamma': return digamma;
    case 'real':
    case 'conj': return (a) => a;
    case 'imag': return () => 0;
    case 'square': return integral && intBits(d) <= 32 ? (a) => Math.imul(a, a) : (a) => a * a;
    case 'reciprocal': return integral ? (a) => (a === 0 ? -1 : Math.trunc(1 / a)) : (a) => 1 / a;
    case 'not':
      if (d === 'bool') return (a) => (a ? 0 : 1);
      if (d === 'int64' || d === 'uint64') return (a) => -a - 1;
      return (a) => ~a;
    case 'population_count': {
      const mask = intBits(d) >= 32 ? 0xffffffff : (1 << intBits(d)) - 1;
      return (a) => popcount32(a & mask);
    }
    case 'clz': {
      const bits = Math.min(intBits(d), 32);
      const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
      return (a) => Math.clz32(a & mask) - (32 - bits);
    }
  }
}

function unaryResultDtype(op: UnaryKernel, d: DType): DType {
  if (op === 'is_finite') return 'bool';
  if ((op === 'real' || op === 'imag' || op === 'abs') && d === 'complex64') return 'float32';
  if ((op === 'real' || op === 'imag' || op === 'abs') && d === 'complex128') return 'float64';
  return d;
}

/** `op` applied elementwise. Result dtype is x's, except is_finite (bool) and real/imag/abs of
 *  complex (the part dtype); 'not' is logical for bool and bitwise for integers. */
export function unary(op: UnaryKernel, x: NDArray): NDArray {
  if (isComplexDtype(x.dtype)) return complexUnary(op, x);
  const outDtype = unaryResultDtype(op, x.dtype);
  const out = NDArray.zeros(outDtype, x.shape, x.weakType && outDtype !== 'bool');
  const a = x.data;
  const o = out.data;
  if (outDtype === x.dtype && isFastUnary(op)) {
    // one monomorphic loop per storage type (floatLoops.ts); the dtype test excludes float16,
    // bfloat16 (Float32Array storage, but they need a store rounder)
    if (x.dtype === 'float32' && a instanceof Float32Array && o instanceof Float32Array) {
      unary32(op, a, o);
      return out;
    }
    if (x.dtype === 'float64' && a instanceof Float64Array && o instanceof Float64Array) {
      unary64(op, a, o);
      return out;
    }
  }
  const f = realUnaryFn(op, x.dtype);
  const r = storeRounder(outDtype);
  const n = a.length;
  if (r) for (let i = 0; i < n; i++) o[i] = r(f(a[i]));
  else for (let i = 0; i < n; i++) o[i] = f(a[i]);
  return out;
}
