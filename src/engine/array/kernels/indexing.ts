// Advanced indexing: gather (x[idx], .at[idx].get) and scatter (.at[idx].set/add/...).
//
// `indices` are k integer arrays of one common shape B indexing axes startAxis .. startAxis+k-1
// of x. The result (and the updates of a scatter) has shape
// x.shape[:startAxis] + B + x.shape[startAxis+k:]. Negative indices wrap once (i + dim).

import { type DType, DTYPES } from '../dtype';
import { NDArray } from '../ndarray';
import { cmul, dtypeError } from './complex';
import { realConverter } from './convert';
import { intBits, intRange, isComplexDtype, storeRounder, stridesOf } from './util';

interface Layout {
  shape: number[];
  /** product of x.shape[:startAxis] */
  outer: number;
  /** product of B */
  nb: number;
  /** product of x.shape[startAxis+k:] */
  inner: number;
  /** element count of x.shape[startAxis:] (the step of one outer position in x) */
  xBlock: number;
  /** per position of B: the flat offset within x.shape[startAxis:], or -1 when out of range */
  offsets: Int32Array;
}

function layout(x: NDArray, indices: readonly NDArray[], startAxis: number, mode: 'clip' | 'drop'): Layout {
  const k = indices.length;
  const b = k > 0 ? indices[0].shape : [];
  const nb = k > 0 ? indices[0].size : 1;
  const strides = stridesOf(x.shape);
  const offsets = new Int32Array(nb);
  for (let p = 0; p < nb; p++) {
    let off = 0;
    for (let j = 0; j < k; j++) {
      const dim = x.shape[startAxis + j];
      let i = Math.trunc(indices[j].data[p]);
      if (i < 0) i += dim;
      if (i < 0 || i >= dim) {
        if (mode === 'drop') {
          off = -1;
          break;
        }
        i = i < 0 ? 0 : dim - 1;
      }
      off += i * strides[startAxis + j];
    }
    offsets[p] = off;
  }
  const prefix = x.shape.slice(0, startAxis);
  const suffix = x.shape.slice(startAxis + k);
  const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
  return {
    shape: [...prefix, ...b, ...suffix],
    outer: size(prefix),
    nb,
    inner: size(suffix),
    xBlock: size(x.shape.slice(startAxis)),
    offsets,
  };
}

/** JAX's default fill for out-of-range reads: NaN (inexact), the minimum (signed), the maximum
 *  (unsigned), True (bool). */
function defaultFill(d: DType): number {
  const kind = DTYPES[d].kind;
  if (kind === 'float' || kind === 'complex') return NaN;
  if (kind === 'bool') return 1;
  const [lo, hi] = intRange(d);
  return kind === 'uint' ? hi : lo;
}

/** Reads x at the indexed positions; mode 'clip' clamps out-of-range indices, 'fill' reads
 *  `fillValue` there. */
export function gather(
  x: NDArray, indices: readonly NDArray[], startAxis: number, mode: 'clip' | 'fill', fillValue?: number | boolean,
): NDArray {
  const L = layout(x, indices, startAxis, mode === 'fill' ? 'drop' : 'clip');
  const out = NDArray.zeros(x.dtype, L.shape, x.weakType);
  const complex = isComplexDtype(x.dtype);
  const fill = fillValue === undefined
    ? defaultFill(x.dtype)
    : realConverter('float64', complex ? 'float64' : x.dtype)(typeof fillValue === 'boolean' ? +fillValue : fillValue);
  const a = x.data;
  const o = out.data;
  let t = 0;
  for (let p = 0; p < L.outer; p++) {
    for (let b = 0; b < L.nb; b++) {
      const off = L.offsets[b];
      const base = p * L.xBlock + off;
      for (let q = 0; q < L.inner; q++, t++) {
        if (complex) {
          o[2 * t] = off < 0 ? fill : a[2 * (base + q)];
          o[2 * t + 1] = off < 0 ? 0 : a[2 * (base + q) + 1];
        } else {
          o[t] = off < 0 ? fill : a[base + q];
        }
      }
    }
  }
  return out;
}

/** A copy of x with `updates` combined into the indexed positions; out-of-range indices are
 *  dropped. 'set' lets the last write win; the others accumulate repeated indices. */
export function scatter(
  x: NDArray, indices: readonly NDArray[], startAxis: number, updates: NDArray,
  combine: 'set' | 'add' | 'mul' | 'min' | 'max',
): NDArray {
  const L = layout(x, indices, startAxis, 'drop');
  const out = NDArray.zeros(x.dtype, x.shape, x.weakType);
  out.data.set(x.data);
  const o = out.data;
  const u = updates.data;
  const complex = isComplexDtype(x.dtype);
  if (complex && (combine === 'min' || combine === 'max')) throw dtypeError(`scatter_${combine}`, x.dtype);
  const r = storeRounder(x.dtype);
  const intMul = DTYPES[x.dtype].kind !== 'float' && intBits(x.dtype) <= 32;
  const f = (old: number, v: number): number => {
    switch (combine) {
      case 'set': return v;
      case 'add': return old + v;
      case 'mul': return intMul ? Math.imul(old, v) : old * v;
      case 'min': return Math.min(old, v);
      case 'max': return Math.max(old, v);
    }
  };
  let t = 0;
  for (let p = 0; p < L.outer; p++) {
    for (let b = 0; b < L.nb; b++) {
      const off = L.offsets[b];
      const base = p * L.xBlock + off;
      for (let q = 0; q < L.inner; q++, t++) {
        if (off < 0) continue;
        const i = base + q;
        if (complex) {
          const [ur, ui] = [u[2 * t], u[2 * t + 1]];
          const [or, oi] = [o[2 * i], o[2 * i + 1]];
          const [nr, ni] = combine === 'set' ? [ur, ui] : combine === 'add' ? [or + ur, oi + ui] : cmul(or, oi, ur, ui);
          o[2 * i] = nr;
          o[2 * i + 1] = ni;
        } else {
          const v = f(o[i], u[t]);
          o[i] = r ? r(v) : v;
        }
      }
    }
  }
  return out;
}
