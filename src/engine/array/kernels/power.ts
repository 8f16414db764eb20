// lax.integer_pow: x ** n for a static integer n, by repeated squaring with a rounding to the
// dtype after every multiplication (as the lowered multiply chain does), then a reciprocal for
// negative n.

import { NDArray } from '../ndarray';
import { floatPow } from './binary';
import { cdiv, cmul } from './complex';
import { square32, square64 } from './floatLoops';
import { intBits, isComplexDtype, roundTo } from './util';

export function integerPow(x: NDArray, n: number): NDArray {
  if (n === 1) return x; // arrays are immutable: x ** 1 is x itself
  if (!Number.isSafeInteger(n)) return hugePower(x, n);
  const out = NDArray.zeros(x.dtype, x.shape, x.weakType);
  const a = x.data;
  const o = out.data;
  const size = x.size;
  const k = Math.abs(n);
  if (isComplexDtype(x.dtype)) {
    const r = roundTo(x.dtype);
    for (let i = 0; i < size; i++) {
      let acc: [number, number] | undefined;
      let base: [number, number] = [a[2 * i], a[2 * i + 1]];
      for (let e = k; e > 0; e = Math.floor(e / 2)) {
        if (e % 2 === 1) acc = acc ? cmul(acc[0], acc[1], base[0], base[1]).map(r) as [number, number] : base;
        if (e > 1) base = cmul(base[0], base[1], base[0], base[1]).map(r) as [number, number];
      }
      let v: [number, number] = acc ?? [1, 0];
      if (n < 0) v = cdiv(1, 0, v[0], v[1]);
      o[2 * i] = v[0];
      o[2 * i + 1] = v[1];
    }
    return out;
  }
  // x ** 2, the commonest case (squared losses): one product rounded by the store, which is what
  // the squaring chain below gives for n = 2 (fround(1 * fround(v * v)) = fround(v * v)).
  if (n === 2 && x.dtype === 'float32' && a instanceof Float32Array && o instanceof Float32Array) {
    square32(a, o);
    return out;
  }
  if (n === 2 && x.dtype === 'float64' && a instanceof Float64Array && o instanceof Float64Array) {
    square64(a, o);
    return out;
  }
  if (x.dtype === 'float32' && n > 0) {
    // the squaring chain with float32 rounding after each product, without closures
    for (let i = 0; i < size; i++) {
      let acc = 1;
      let base = a[i];
      for (let e = n; e > 0; e = Math.floor(e / 2)) {
        if (e % 2 === 1) acc = Math.fround(acc * base);
        if (e > 1) base = Math.fround(base * base);
      }
      o[i] = acc;
    }
    return out;
  }
  const r = roundTo(x.dtype);
  const integral = !(x.dtype.startsWith('float') || x.dtype === 'bfloat16');
  const mul = integral && intBits(x.dtype) <= 32
    ? (p: number, q: number) => r(Math.imul(p, q))
    : (p: number, q: number) => r(p * q);
  for (let i = 0; i < size; i++) {
    let acc: number | undefined;
    let base = a[i];
    for (let e = k; e > 0; e = Math.floor(e / 2)) {
      if (e % 2 === 1) acc = acc === undefined ? base : mul(acc, base);
      if (e > 1) base = mul(base, base);
    }
    let v = acc ?? 1;
    if (n < 0) v = integral ? (v === 1 ? 1 : v === -1 ? -1 : v === 0 ? -1 : 0) : 1 / v;
    o[i] = integral ? v : r(v);
  }
  return out;
}

/**
 * An exponent past 2^53 (`x ** 10**400` arrives here as ±Infinity): repeated squaring would
 * never end, and for floats it converges to what C's pow gives anyway (0, 1, inf, nan), so use
 * that. The exponent's parity is lost, so a negative base gets the even-exponent result, and an
 * integer base other than 0 and ±1 gets its wrapped value of 0 or the float limit's conversion:
 * an approximation for inputs no real program has.
 */
function hugePower(x: NDArray, n: number): NDArray {
  const out = NDArray.zeros(x.dtype, x.shape, x.weakType);
  const a = x.data;
  const o = out.data;
  const r = roundTo(x.dtype);
  if (isComplexDtype(x.dtype)) {
    for (let i = 0; i < x.size; i++) {
      const mag = floatPow(Math.hypot(a[2 * i], a[2 * i + 1]), n);
      o[2 * i] = r(mag === 0 ? 0 : NaN);
      o[2 * i + 1] = r(mag === 0 ? 0 : NaN);
    }
    return out;
  }
  for (let i = 0; i < x.size; i++) o[i] = r(floatPow(Math.abs(a[i]) === 1 ? 1 : a[i], n));
  return out;
}
