// lax.dot_general.
//
// Both operands are brought to a batched-matrix layout, x as [B, M, K] and y as [B, K, N]
// (a transpose when their axes are not already in that order), then multiplied with an
// i-k-j loop into a float64 row accumulator. Float results are rounded once at the end
// (XLA on CPU accumulates in float32 in a blocked order; accumulating in float64 is never
// less accurate and keeps results deterministic). Integer results wrap as int32 arithmetic
// does: products and sums are taken modulo 2^32 at every step for dtypes of 32 bits or less.

import { type DType, DTYPES } from '../dtype';
import { NDArray } from '../ndarray';
import { convert } from './convert';
import { transpose } from './shape';
import { intBits, isComplexDtype, storeRounder } from './util';

export interface DotDims {
  contracting: [readonly number[], readonly number[]];
  batch: [readonly number[], readonly number[]];
}

function product(shape: readonly number[], axes: readonly number[]): number {
  return axes.reduce((p, a) => p * shape[a], 1);
}

/** Output shape: batch dims, then x's free dims, then y's free dims. */
export function dotGeneral(x: NDArray, y: NDArray, dims: DotDims, resultDtype: DType): NDArray {
  const [xc, yc] = dims.contracting;
  const [xb, yb] = dims.batch;
  const xFree = x.shape.map((_, i) => i).filter((i) => !xc.includes(i) && !xb.includes(i));
  const yFree = y.shape.map((_, i) => i).filter((i) => !yc.includes(i) && !yb.includes(i));
  const B = product(x.shape, xb);
  const M = product(x.shape, xFree);
  const K = product(x.shape, xc);
  const N = product(y.shape, yFree);
  const outShape = [...xb.map((a) => x.shape[a]), ...xFree.map((a) => x.shape[a]), ...yFree.map((a) => y.shape[a])];
  const complex = isComplexDtype(resultDtype);
  // Compute in a common dtype: the result's for complex, else each operand's own values.
  const xs = complex && !isComplexDtype(x.dtype) ? convert(x, resultDtype, false) : x;
  const ys = complex && !isComplexDtype(y.dtype) ? convert(y, resultDtype, false) : y;
  const a = transpose(xs, [...xb, ...xFree, ...xc]).data; // [B, M, K]
  const b = transpose(ys, [...yb, ...yc, ...yFree]).data; // [B, K, N]
  const out = NDArray.zeros(resultDtype, outShape, x.weakType && y.weakType);
  const o = out.data;
  if (complex) {
    const accRe = new Float64Array(N);
    const accIm = new Float64Array(N);
    for (let bi = 0; bi < B; bi++) {
      for (let i = 0; i < M; i++) {
        accRe.fill(0);
        accIm.fill(0);
        for (let k = 0; k < K; k++) {
          const p = 2 * ((bi * M + i) * K + k);
          const ar = a[p];
          const ai = a[p + 1];
          const q0 = 2 * (bi * K + k) * N;
          for (let j = 0; j < N; j++) {
            const br = b[q0 + 2 * j];
            const bim = b[q0 + 2 * j + 1];
            accRe[j] += ar * br - ai * bim;
            accIm[j] += ar * bim + ai * br;
          }
        }
        const r0 = 2 * (bi * M + i) * N;
        for (let j = 0; j < N; j++) {
          o[r0 + 2 * j] = accRe[j];
          o[r0 + 2 * j + 1] = accIm[j];
        }
      }
    }
    return out;
  }
  const kind = DTYPES[resultDtype].kind;
  const wrapping = (kind === 'int' || kind === 'uint') && intBits(resultDtype) <= 32;
  const acc = new Float64Array(N);
  const r = storeRounder(resultDtype);
  for (let bi = 0; bi < B; bi++) {
    for (let i = 0; i < M; i++) {
      acc.fill(0);
      const aRow = (bi * M + i) * K;
      for (let k = 0; k < K; k++) {
        const av = a[aRow + k];
        const q = (bi * K + k) * N;
        if (wrapping) for (let j = 0; j < N; j++) acc[j] = (acc[j] + Math.imul(av, b[q + j])) | 0;
        else for (let j = 0; j < N; j++) acc[j] += av * b[q + j];
      }
      const r0 = (bi * M + i) * N;
      if (r) for (let j = 0; j < N; j++) o[r0 + j] = r(acc[j]);
      else for (let j = 0; j < N; j++) o[r0 + j] = acc[j];
    }
  }
  return out;
}
