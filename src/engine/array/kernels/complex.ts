// Complex elementwise kernels. Storage is interleaved (re, im); complex64 parts round to
// float32 on store. Only the ops JAX users meet with complex numbers are defined; the others
// raise lax's dtype error.

import { typeError } from '../../errors';
import { type DType } from '../dtype';
import { NDArray, type Shape } from '../ndarray';
import type { UnaryKernel } from './unary';
import { realPartDtype } from './util';

export type C = [number, number];

export function cmul(ar: number, ai: number, br: number, bi: number): C {
  return [ar * br - ai * bi, ar * bi + ai * br];
}

/** Smith's algorithm: avoids overflow in |b|² for large denominators. */
export function cdiv(ar: number, ai: number, br: number, bi: number): C {
  if (br === 0 && bi === 0) return [ar / 0, ai / 0];
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    const den = br + bi * r;
    return [(ar + ai * r) / den, (ai - ar * r) / den];
  }
  const r = br / bi;
  const den = br * r + bi;
  return [(ar * r + ai) / den, (ai * r - ar) / den];
}

export function cexp(a: number, b: number): C {
  if (b === 0) return [Math.exp(a), b];
  const e = Math.exp(a);
  return [e * Math.cos(b), e * Math.sin(b)];
}

export function clog(a: number, b: number): C {
  return [Math.log(Math.hypot(a, b)), Math.atan2(b, a)];
}

/** Principal square root, branch cut on the negative real axis (sign of the imaginary zero kept). */
export function csqrt(a: number, b: number): C {
  if (a === 0 && b === 0) return [0, b];
  const r = Math.hypot(a, b);
  if (a >= 0) {
    const t = Math.sqrt((r + a) / 2);
    return [t, b / (2 * t)];
  }
  const t = Math.sqrt((r - a) / 2);
  const negative = b < 0 || Object.is(b, -0);
  return [Math.abs(b) / (2 * t), negative ? -t : t];
}

export function cpow(ar: number, ai: number, br: number, bi: number): C {
  if (br === 0 && bi === 0) return [1, 0];
  if (ar === 0 && ai === 0) return bi === 0 && br > 0 ? [0, 0] : [NaN, NaN];
  const [lr, li] = clog(ar, ai);
  const [er, ei] = cmul(lr, li, br, bi);
  return cexp(er, ei);
}

function ctanh(a: number, b: number): C {
  if (Math.abs(a) > 20) return [Math.sign(a), 0];
  const den = Math.cosh(2 * a) + Math.cos(2 * b);
  return [Math.sinh(2 * a) / den, Math.sin(2 * b) / den];
}

function complexUnaryFn(op: UnaryKernel): ((a: number, b: number) => C) | undefined {
  switch (op) {
    case 'neg': return (a, b) => [-a, -b];
    case 'conj': return (a, b) => [a, -b];
    case 'exp': return cexp;
    case 'log': return clog;
    case 'log1p': return (a, b) => clog(1 + a, b);
    case 'expm1': return (a, b) => { const [r, i] = cexp(a, b); return [r - 1, i]; };
    case 'sin': return (a, b) => [Math.sin(a) * Math.cosh(b), Math.cos(a) * Math.sinh(b)];
    case 'cos': return (a, b) => [Math.cos(a) * Math.cosh(b), -Math.sin(a) * Math.sinh(b)];
    case 'sinh': return (a, b) => [Math.sinh(a) * Math.cos(b), Math.cosh(a) * Math.sin(b)];
    case 'cosh': return (a, b) => [Math.cosh(a) * Math.cos(b), Math.sinh(a) * Math.sin(b)];
    case 'tanh': return ctanh;
    case 'sqrt': return csqrt;
    case 'rsqrt': return (a, b) => { const [r, i] = csqrt(a, b); return cdiv(1, 0, r, i); };
    case 'square': return (a, b) => cmul(a, b, a, b);
    case 'reciprocal': return (a, b) => cdiv(1, 0, a, b);
    case 'sign': return (a, b) => {
      const m = Math.hypot(a, b);
      return m === 0 ? [0, 0] : [a / m, b / m];
    };
    default: return undefined;
  }
}

/** Unary ops on complex arrays; abs/real/imag give the part dtype, is_finite gives bool. */
export function complexUnary(op: UnaryKernel, x: NDArray): NDArray {
  const a = x.data;
  const n = x.size;
  if (op === 'abs' || op === 'real' || op === 'imag' || op === 'is_finite') {
    const dtype: DType = op === 'is_finite' ? 'bool' : realPartDtype(x.dtype);
    const out = NDArray.zeros(dtype, x.shape, x.weakType && dtype !== 'bool');
    const o = out.data;
    for (let i = 0; i < n; i++) {
      const re = a[2 * i];
      const im = a[2 * i + 1];
      o[i] = op === 'abs' ? Math.hypot(re, im) : op === 'real' ? re : op === 'imag' ? im
        : Number.isFinite(re) && Number.isFinite(im) ? 1 : 0;
    }
    return out;
  }
  const f = complexUnaryFn(op);
  if (!f) throw dtypeError(op, x.dtype);
  const out = NDArray.zeros(x.dtype, x.shape, x.weakType);
  const o = out.data;
  for (let i = 0; i < n; i++) {
    const [re, im] = f(a[2 * i], a[2 * i + 1]);
    o[2 * i] = re;
    o[2 * i + 1] = im;
  }
  return out;
}

export function dtypeError(op: string, dtype: DType): Error {
  return typeError(`${op} does not accept dtype ${dtype}.`);
}

/** lax.max / lax.min on complex numbers: lexicographic on (real, imaginary); NaN propagates. */
function lexicographic(ar: number, ai: number, br: number, bi: number, max: boolean): C {
  if (Number.isNaN(ar) || Number.isNaN(ai)) return [ar, ai];
  if (Number.isNaN(br) || Number.isNaN(bi)) return [br, bi];
  const aFirst = ar > br || (ar === br && ai >= bi);
  return aFirst === max ? [ar, ai] : [br, bi];
}

/**
 * Binary ops on complex operands of equal dtype. `ia`/`ib` map each output element to the
 * operands' element indices (null: the same index).
 */
export function complexBinary(
  op: string, x: NDArray, y: NDArray, shape: Shape, ia: Int32Array | null, ib: Int32Array | null,
): NDArray {
  const compare = op === 'eq' || op === 'ne';
  const f: ((ar: number, ai: number, br: number, bi: number) => C) | undefined =
    op === 'add' ? (ar, ai, br, bi) => [ar + br, ai + bi]
      : op === 'sub' ? (ar, ai, br, bi) => [ar - br, ai - bi]
        : op === 'mul' ? cmul
          : op === 'div' ? cdiv
            : op === 'pow' ? cpow
              : op === 'max' ? (ar, ai, br, bi) => lexicographic(ar, ai, br, bi, true)
                : op === 'min' ? (ar, ai, br, bi) => lexicographic(ar, ai, br, bi, false)
                  : undefined;
  if (!f && !compare) throw dtypeError(op, x.dtype);
  const out = NDArray.zeros(compare ? 'bool' : x.dtype, shape, !compare && x.weakType && y.weakType);
  const a = x.data;
  const b = y.data;
  const o = out.data;
  const n = out.size;
  for (let i = 0; i < n; i++) {
    const j = ia ? ia[i] : i;
    const k = ib ? ib[i] : i;
    const ar = a[2 * j], ai = a[2 * j + 1], br = b[2 * k], bi = b[2 * k + 1];
    if (compare) {
      const equal = ar === br && ai === bi;
      o[i] = (op === 'eq') === equal ? 1 : 0;
    } else {
      const [re, im] = f!(ar, ai, br, bi);
      o[2 * i] = re;
      o[2 * i + 1] = im;
    }
  }
  return out;
}
