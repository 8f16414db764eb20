// Reductions (sum, prod, max, min, and, or), arg-reductions and cumulative scans.
//
// Every reduction moves the reduced axes last (a transpose when needed) so that each output
// element reduces one contiguous run. Sums are pairwise in float64 accumulators (blocks of 128
// summed directly), then rounded once to the dtype: a float32 sum of 10^6 elements is the
// float32 nearest to a float64 sum whose own error is ~1e-13 relative, far inside JAX's
// tolerance (XLA accumulates in float32 in a tree order we cannot reproduce exactly anyway).
// Products accumulate in float64 and round once; integer products wrap at every step.

import { type DType, DTYPES } from '../dtype';
import { NDArray } from '../ndarray';
import { cmul, dtypeError } from './complex';
import { runSum32, runSum64 } from './floatLoops';
import { transpose } from './shape';
import { intBits, intRange, isComplexDtype, roundTo, storeRounder, wrapInt } from './util';

export type ReduceKernel = 'sum' | 'prod' | 'max' | 'min' | 'and' | 'or';

/** Pairwise sum of n elements of `a` starting at `start`, `stride` apart. */
export function pairwiseSum(a: ArrayLike<number>, start: number, n: number, stride = 1): number {
  if (stride === 1 && a instanceof Float32Array) return pairwiseSum32(a, start, n);
  if (stride === 1 && a instanceof Float64Array) return pairwiseSum64(a, start, n);
  if (n <= 128) {
    let s = 0;
    const end = start + n * stride;
    if (stride === 1) for (let i = start; i < end; i++) s += a[i];
    else for (let i = start; i < end; i += stride) s += a[i];
    return s;
  }
  const half = n >> 1;
  return pairwiseSum(a, start, half, stride) + pairwiseSum(a, start + half * stride, n - half, stride);
}

/** pairwiseSum over contiguous float32 storage: the same tree of partial sums, so the same
 *  result bit for bit, with monomorphic leaves (floatLoops.ts). */
function pairwiseSum32(a: Float32Array, start: number, n: number): number {
  if (n <= 128) return runSum32(a, start, start + n);
  const half = n >> 1;
  return pairwiseSum32(a, start, half) + pairwiseSum32(a, start + half, n - half);
}

function pairwiseSum64(a: Float64Array, start: number, n: number): number {
  if (n <= 128) return runSum64(a, start, start + n);
  const half = n >> 1;
  return pairwiseSum64(a, start, half) + pairwiseSum64(a, start + half, n - half);
}

/** x with `axes` moved to the end, the kept shape, and the length of each reduced run. */
function runsOf(x: NDArray, axes: readonly number[]): { xt: NDArray; kept: number[]; m: number } {
  const keptAxes = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const xt = transpose(x, [...keptAxes, ...axes]);
  const kept = keptAxes.map((i) => x.shape[i]);
  const m = axes.reduce((p, a) => p * x.shape[a], 1);
  return { xt, kept, m };
}

function identity(op: ReduceKernel, d: DType): number {
  const kind = DTYPES[d].kind;
  const [lo, hi] = intRange(d);
  switch (op) {
    case 'sum': case 'or': return 0;
    case 'prod': return 1;
    case 'and': return kind === 'bool' ? 1 : -1;
    case 'max': return kind === 'float' ? -Infinity : lo;
    case 'min': return kind === 'float' ? Infinity : hi;
  }
}

function reduceRun(op: ReduceKernel, d: DType, a: ArrayLike<number>, start: number, m: number): number {
  if (op === 'sum') return pairwiseSum(a, start, m);
  let acc = identity(op, d);
  const end = start + m;
  switch (op) {
    case 'prod': {
      if (DTYPES[d].kind === 'float') {
        for (let i = start; i < end; i++) acc *= a[i];
      } else {
        const wrap = wrapInt(d);
        const narrow = intBits(d) <= 32;
        for (let i = start; i < end; i++) acc = narrow ? wrap(Math.imul(acc, a[i])) : acc * a[i];
      }
      return acc;
    }
    case 'max': for (let i = start; i < end; i++) acc = Math.max(acc, a[i]); return acc;
    case 'min': for (let i = start; i < end; i++) acc = Math.min(acc, a[i]); return acc;
    case 'and': for (let i = start; i < end; i++) acc &= a[i]; return acc;
    case 'or': for (let i = start; i < end; i++) acc |= a[i]; return acc;
  }
}

/** Reduces `axes` away (no keepdims). Empty reductions give the identity. */
export function reduce(op: ReduceKernel, x: NDArray, axes: readonly number[]): NDArray {
  if (axes.length === 0) return x;
  const { xt, kept, m } = runsOf(x, axes);
  const out = NDArray.zeros(x.dtype, kept, x.weakType);
  const n = out.size;
  const a = xt.data;
  const o = out.data;
  if (isComplexDtype(x.dtype)) {
    if (op === 'and' || op === 'or') throw dtypeError(`reduce_${op}`, x.dtype);
    for (let j = 0; j < n; j++) {
      if (op === 'max' || op === 'min') {
        // lexicographic on (real, imaginary), NaN propagating, as lax.max/min on complex
        let re = op === 'max' ? -Infinity : Infinity;
        let im = re;
        for (let i = j * m; i < (j + 1) * m; i++) {
          const [vr, vi] = [a[2 * i], a[2 * i + 1]];
          if (Number.isNaN(re) || Number.isNaN(im)) break;
          const greater = vr > re || (vr === re && vi > im);
          if (Number.isNaN(vr) || Number.isNaN(vi) || greater === (op === 'max')) [re, im] = [vr, vi];
        }
        o[2 * j] = re;
        o[2 * j + 1] = im;
      } else if (op === 'sum') {
        o[2 * j] = pairwiseSum(a, 2 * j * m, m, 2);
        o[2 * j + 1] = pairwiseSum(a, 2 * j * m + 1, m, 2);
      } else {
        let re = 1;
        let im = 0;
        for (let i = j * m; i < (j + 1) * m; i++) [re, im] = cmul(re, im, a[2 * i], a[2 * i + 1]);
        o[2 * j] = re;
        o[2 * j + 1] = im;
      }
    }
    return out;
  }
  const r = storeRounder(x.dtype);
  for (let j = 0; j < n; j++) {
    const v = reduceRun(op, x.dtype, a, j * m, m);
    o[j] = r ? r(v) : v;
  }
  return out;
}

/** Index of the first maximum/minimum along `axis`; a NaN wins (its first occurrence). */
export function argReduce(op: 'argmax' | 'argmin', x: NDArray, axis: number, indexDtype: DType): NDArray {
  const { xt, kept, m } = runsOf(x, [axis]);
  const out = NDArray.zeros(indexDtype, kept);
  const a = xt.data;
  const complex = isComplexDtype(x.dtype);
  const better = op === 'argmax' ? (v: number, b: number) => v > b : (v: number, b: number) => v < b;
  for (let j = 0; j < out.size; j++) {
    let best = 0;
    let bestRe = NaN;
    let bestIm = NaN;
    for (let i = 0; i < m; i++) {
      const k = j * m + i;
      const re = complex ? a[2 * k] : a[k];
      const im = complex ? a[2 * k + 1] : 0;
      if (i === 0) {
        [best, bestRe, bestIm] = [0, re, im];
        if (Number.isNaN(re) || Number.isNaN(im)) break;
        continue;
      }
      if (Number.isNaN(re) || Number.isNaN(im)) {
        best = i;
        break;
      }
      // complex values order lexicographically (real part, then imaginary part)
      if (better(re, bestRe) || (re === bestRe && better(im, bestIm))) [best, bestRe, bestIm] = [i, re, im];
    }
    out.data[j] = best;
  }
  return out;
}

/** Inclusive scan along `axis` (from the end when `reverse`), rounding to the dtype each step. */
export function cumulative(op: 'sum' | 'prod' | 'max' | 'min', x: NDArray, axis: number, reverse: boolean): NDArray {
  const rank = x.ndim;
  const perm = [...x.shape.map((_, i) => i).filter((i) => i !== axis), axis];
  const xt = transpose(x, perm);
  const scanned = NDArray.zeros(x.dtype, xt.shape, x.weakType);
  const m = x.shape[axis];
  const runs = m === 0 ? 0 : xt.size / m;
  const a = xt.data;
  const o = scanned.data;
  const complex = isComplexDtype(x.dtype);
  if (complex && op !== 'sum' && op !== 'prod') throw dtypeError(`cum${op}`, x.dtype);
  const round = roundTo(x.dtype);
  const narrowInt = DTYPES[x.dtype].kind !== 'float' && intBits(x.dtype) <= 32;
  const step = (acc: number, v: number): number => {
    switch (op) {
      case 'sum': return round(acc + v);
      case 'prod': return narrowInt ? round(Math.imul(acc, v)) : round(acc * v);
      case 'max': return Math.max(acc, v);
      case 'min': return Math.min(acc, v);
    }
  };
  for (let j = 0; j < runs; j++) {
    let re = 0;
    let im = 0;
    for (let t = 0; t < m; t++) {
      const k = j * m + (reverse ? m - 1 - t : t);
      if (complex) {
        const [vr, vi] = [a[2 * k], a[2 * k + 1]];
        if (t === 0) [re, im] = [vr, vi];
        else if (op === 'sum') [re, im] = [round(re + vr), round(im + vi)];
        else [re, im] = cmul(re, im, vr, vi).map(round) as [number, number];
        o[2 * k] = re;
        o[2 * k + 1] = im;
      } else {
        re = t === 0 ? a[k] : step(re, a[k]);
        o[k] = re;
      }
    }
  }
  const inverse = new Array<number>(rank);
  perm.forEach((p, i) => (inverse[p] = i));
  return transpose(scanned, inverse);
}
