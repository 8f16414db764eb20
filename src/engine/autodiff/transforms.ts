// The transformations over JS functions of flat Value lists: vjp (reverse mode), jvp (forward
// mode), vmap (batching) and jit (staging). Pytrees, argnums and the Python-facing checks
// belong to the jax layer.

import { type AVal, isInexact } from '../array/dtype';
import { valueError } from '../errors';
import * as lax from './lax';
import { batchToFront, matchWeakType, moveAxis } from './primitives/common';
import type { MaybeZero } from './primitives/types';
import { BatchTrace, BatchTracer } from './traces/batch';
import { JVPTrace, JVPTracer } from './traces/jvp';
import { VJPTrace, VJPTracer } from './traces/vjp';
import { avalOf, type Value, withTrace } from './tracer';

export { jit } from './traces/staging';

export type Fn = (xs: Value[]) => { outs: Value[]; aux?: Value[] };

/** Zeros in the tangent space of `a`: its own dtype if inexact, else float0 (SEMANTICS §1.12). */
export function zeroTangent(a: AVal): Value {
  return isInexact(a.dtype) ? lax.zerosLike(a) : lax.full(a.shape, 0, 'float0');
}

/**
 * Reverse mode. `pullback(cts)` returns one cotangent per primal, with the primal's dtype and
 * weak type (instantiated zeros, or float0 zeros for non-float primals, where nothing flows).
 */
export function vjp(
  fn: Fn,
  primals: readonly Value[],
): { outs: Value[]; aux: Value[] | undefined; pullback(cts: readonly MaybeZero[]): Value[] } {
  const trace = new VJPTrace();
  const { inputs, rawOuts, outs, aux } = withTrace(trace, () => {
    const inputs = primals.map((p) => trace.newInput(p));
    const result = fn(inputs);
    const strip = (v: Value) => (v instanceof VJPTracer && v.trace === trace ? v.primal : v);
    return { inputs, rawOuts: result.outs, outs: result.outs.map(strip), aux: result.aux?.map(strip) };
  });
  return {
    outs,
    aux,
    pullback(cts) {
      const inCts = trace.backward(rawOuts, cts, inputs);
      return inCts.map((ct, i) => {
        const a = avalOf(primals[i]);
        if (ct === null || !isInexact(a.dtype)) return zeroTangent(a);
        return matchWeakType(ct, a);
      });
    },
  };
}

/** Forward mode. Tangents may be null (zero); output tangents come back instantiated. */
export function jvp(
  fn: Fn,
  primals: readonly Value[],
  tangents: readonly MaybeZero[],
): { outs: Value[]; tangentsOut: Value[]; aux: Value[] | undefined } {
  const trace = new JVPTrace();
  return withTrace(trace, () => {
    const inputs = primals.map((p, i) => new JVPTracer(trace, p, tangents[i] ?? null));
    const result = fn(inputs);
    const mine = (v: Value): v is JVPTracer => v instanceof JVPTracer && v.trace === trace;
    const strip = (v: Value) => (mine(v) ? v.primal : v);
    const outs = result.outs.map(strip);
    const tangentsOut = result.outs.map((o, i) => {
      const t = mine(o) ? o.tangent : null;
      return t === null ? zeroTangent(avalOf(outs[i])) : t;
    });
    return { outs, tangentsOut, aux: result.aux?.map(strip) };
  });
}

/**
 * vmap over axis `inAxes[i]` of each argument (null: not mapped), `axisSize` examples, results
 * stacked along `outAxes[i]` (null: the result must not depend on the example).
 */
export function vmap(
  fn: (xs: Value[]) => Value[],
  args: readonly Value[],
  inAxes: readonly (number | null)[],
  axisSize: number,
  /** One entry per result, or one axis for all of them. */
  outAxes: readonly (number | null)[] | number,
): Value[] {
  const trace = new BatchTrace(axisSize);
  return withTrace(trace, () => {
    const inputs = args.map((a, i) => {
      const ax = inAxes[i];
      if (ax === null) return a;
      const rank = avalOf(a).shape.length;
      return new BatchTracer(trace, a, ax < 0 ? ax + rank : ax);
    });
    const outs = fn(inputs);
    return outs.map((o, i) => {
      const batched = o instanceof BatchTracer && o.trace === trace && o.dim !== null;
      const val = o instanceof BatchTracer && o.trace === trace ? o.val : o;
      const dim = batched ? (o as BatchTracer).dim : null;
      const outAxis = typeof outAxes === 'number' ? outAxes : outAxes[i] ?? null;
      if (outAxis === null) {
        if (dim !== null) throw valueError(`at vmap out_axes, got axis spec None but output was batched on axis ${dim}`);
        return val;
      }
      const rank = avalOf(val).shape.length + (dim === null ? 1 : 0);
      const target = outAxis < 0 ? outAxis + rank : outAxis;
      return moveAxis(batchToFront(val, dim, axisSize), 0, target);
    });
  });
}
