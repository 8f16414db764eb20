// lax.select and lax.clamp.

import { NDArray } from '../ndarray';
import { binary } from './binary';
import { isComplexDtype } from './util';

/** Elementwise `pred ? onTrue : onFalse`; pred is bool, of the branches' shape or 0-d. */
export function select(pred: NDArray, onTrue: NDArray, onFalse: NDArray): NDArray {
  const out = NDArray.zeros(onTrue.dtype, onTrue.shape, onTrue.weakType && onFalse.weakType);
  const p = pred.data;
  const t = onTrue.data;
  const f = onFalse.data;
  const o = out.data;
  const n = out.size;
  const scalarPred = pred.size === 1 && n !== 1;
  if (isComplexDtype(onTrue.dtype)) {
    for (let i = 0; i < n; i++) {
      const src = p[scalarPred ? 0 : i] ? t : f;
      o[2 * i] = src[2 * i];
      o[2 * i + 1] = src[2 * i + 1];
    }
  } else if (scalarPred) {
    o.set(p[0] ? t : f);
  } else {
    for (let i = 0; i < n; i++) o[i] = p[i] ? t[i] : f[i];
  }
  return out;
}

/** `min(max(x, lo), hi)` with lo and hi 0-d or of x's shape; NaN propagates. */
export function clamp(lo: NDArray, x: NDArray, hi: NDArray): NDArray {
  const fit = (b: NDArray) =>
    b.ndim === x.ndim || b.size !== 1 ? b : new NDArray(b.dtype, x.shape.map(() => 1), b.data, b.weakType);
  const lower = binary('max', x, fit(lo));
  const result = binary('min', lower, fit(hi));
  return result.withWeakType(lo.weakType && x.weakType && hi.weakType);
}
