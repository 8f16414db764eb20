// The derivatives of cumprod/cummax/cummin, as JAX defines them: by differentiating the
// parallel prefix scan (lax.associative_scan) that computes the same values with ordinary
// primitives. This handles zeros in cumprod exactly, and cummax/cummin ties split their
// derivative the way JAX's scan tree splits them (max's ½ at ties).

import { avalOf, type Value } from '../core';
import * as lax from '../lax';
import * as transforms from '../transforms';

type Combine = 'prod' | 'max' | 'min';

// Wrapped, not referenced directly: lax is still loading when this module is first evaluated.
const COMBINE: Record<Combine, (a: Value, b: Value) => Value> = {
  prod: (a, b) => lax.mul(a, b),
  max: (a, b) => lax.max(a, b),
  min: (a, b) => lax.min(a, b),
};

/** Elements start, start+step, ... below `limit` along `axis`. */
function take(x: Value, axis: number, start: number, limit: number, step = 1): Value {
  const shape = avalOf(x).shape;
  const s = shape.map((_, i) => (i === axis ? start : 0));
  const l = shape.map((d, i) => (i === axis ? Math.max(start, limit) : d));
  const st = shape.map((_, i) => (i === axis ? step : 1));
  return lax.slice(x, s, l, st);
}

/** Interleaves a (even positions) and b (odd positions) along `axis`. */
function interleave(a: Value, b: Value, axis: number): Value {
  const na = avalOf(a).shape[axis];
  const nb = avalOf(b).shape[axis];
  const zero = lax.scalarLike(a, 0);
  const cfg = (lo: number, hi: number) =>
    avalOf(a).shape.map((_, i) => (i === axis ? ([lo, hi, 1] as [number, number, number]) : ([0, 0, 0] as [number, number, number])));
  const pa = lax.pad(a, zero, cfg(0, na === nb ? 1 : 0));
  const pb = lax.pad(b, zero, cfg(1, na === nb ? 0 : 1));
  return lax.add(pa, pb);
}

/** Inclusive prefix scan of `fn` along `axis` (Blelloch-style, as lax.associative_scan). */
export function associativeScan(fn: (a: Value, b: Value) => Value, x: Value, axis: number): Value {
  const n = avalOf(x).shape[axis];
  if (n < 2) return x;
  const reduced = fn(take(x, axis, 0, n - 1, 2), take(x, axis, 1, n, 2));
  const odd = associativeScan(fn, reduced, axis);
  const nOdd = avalOf(odd).shape[axis];
  const evenTail =
    n % 2 === 0 ? fn(take(odd, axis, 0, nOdd - 1), take(x, axis, 2, n, 2)) : fn(odd, take(x, axis, 2, n, 2));
  const even = lax.concatenate([take(x, axis, 0, 1), evenTail], axis);
  return interleave(even, odd, axis);
}

function scanFn(op: Combine, axis: number, reverse: boolean) {
  return (xs: Value[]) => {
    const x = reverse ? lax.rev(xs[0], [axis]) : xs[0];
    const out = associativeScan(COMBINE[op], x, axis);
    return { outs: [reverse ? lax.rev(out, [axis]) : out] };
  };
}

export const scanDerivative = {
  jvp(op: Combine, x: Value, t: Value, axis: number, reverse: boolean): Value {
    return transforms.jvp(scanFn(op, axis, reverse), [x], [t]).tangentsOut[0] ?? lax.zerosLike(x);
  },
  vjp(op: Combine, x: Value, ct: Value, axis: number, reverse: boolean): Value {
    return transforms.vjp(scanFn(op, axis, reverse), [x]).pullback([ct])[0];
  },
};
