// jax.custom_jvp and jax.custom_vjp as primitives whose params carry the user's functions.
// custom_jvp_call: forward mode calls the user's rule; reverse mode transposes that rule (it is
// linear in the tangents) with a nested vjp, as JAX linearizes then transposes it.
// custom_vjp_call: reverse mode reruns `fwd` on the primals for the residuals, then calls
// `bwd`; forward mode raises JAX's TypeError. Under vmap both re-bind themselves with batched
// versions of every function, so a custom rule survives grad-of-vmap and vmap-of-grad.

import { type AVal, isInexact } from '../../array/dtype';
import type { NDArray } from '../../array/ndarray';
import { typeError } from '../../errors';
import { avalOf, bind, type Value } from '../core';
import { makeJaxpr } from '../traces/staging';
import * as transforms from '../transforms';
import type { MaybeZero, ParamsOf, PrimitiveRules } from './types';

type JvpParams = ParamsOf<'custom_jvp_call'>;
type VjpParams = ParamsOf<'custom_vjp_call'>;

/** Output avals of a user function, by tracing it abstractly. */
function traceAvals(fn: (xs: Value[]) => Value[], avals: readonly AVal[]): AVal[] {
  return makeJaxpr(fn, avals).outAvals;
}

/** Drops cotangents of non-float inputs (they have no tangent space, like JAX's float0). */
function floatOnly(cts: readonly MaybeZero[], primals: readonly Value[]): MaybeZero[] {
  return cts.map((c, i) => (isInexact(avalOf(primals[i]).dtype) ? c : null));
}

/** The per-example aval of a batched value. */
function exampleAval(v: Value, dim: number | null): AVal {
  const a = avalOf(v);
  if (dim === null) return a;
  return { shape: a.shape.filter((_, i) => i !== dim), dtype: a.dtype, weakType: a.weakType };
}

export const CUSTOM_JVP_CALL_RULES: PrimitiveRules<JvpParams> = {
  tracesUserCode: true,
  impl: (args, { fn }) => fn(args) as NDArray[],
  abstractEval: (avals, { fn }) => traceAvals(fn, avals),
  jvp(primals, tangents, { jvp }) {
    const ts = tangents.map((t, i) => t ?? transforms.zeroTangent(avalOf(primals[i])));
    const { primalsOut, tangentsOut } = jvp(primals, ts);
    return { primalsOut, tangentsOut };
  },
  vjp(cts, primalsIn, _outs, { jvp }) {
    // The rule is linear in the tangents: its pullback at zero tangents is its transpose.
    const linear = (ts: Value[]) => ({ outs: jvp(primalsIn, ts).tangentsOut });
    const zeros = primalsIn.map((x) => transforms.zeroTangent(avalOf(x)));
    return floatOnly(transforms.vjp(linear, zeros).pullback(cts), primalsIn);
  },
  batch(args, dims, { fn, jvp }, size) {
    const n = args.length;
    const params: JvpParams = {
      fn: (xs) => transforms.vmap(fn, xs, dims, size, 0),
      jvp: (ps, ts) => {
        const both = (zs: Value[]) => {
          const r = jvp(zs.slice(0, n), zs.slice(n));
          return [...r.primalsOut, ...r.tangentsOut];
        };
        const outs = transforms.vmap(both, [...ps, ...ts], [...dims, ...dims], size, 0);
        return { primalsOut: outs.slice(0, outs.length / 2), tangentsOut: outs.slice(outs.length / 2) };
      },
    };
    const outs = bind('custom_jvp_call', args, params);
    return { outs, dims: outs.map(() => 0) };
  },
};

export const CUSTOM_VJP_CALL_RULES: PrimitiveRules<VjpParams> = {
  tracesUserCode: true,
  impl: (args, { fn }) => fn(args) as NDArray[],
  abstractEval: (avals, { fn }) => traceAvals(fn, avals),
  jvp() {
    throw typeError("can't apply forward-mode autodiff (jvp) to a custom_vjp function.");
  },
  vjp(cts, primalsIn, primalsOut, { fwd, bwd }) {
    const { residuals } = fwd(primalsIn);
    const full = cts.map((c, i) => c ?? transforms.zeroTangent(avalOf(primalsOut[i])));
    return floatOnly(bwd(residuals, full), primalsIn);
  },
  batch(args, dims, { fn, fwd, bwd }, size) {
    let nOut = 0;
    const params: VjpParams = {
      fn: (xs) => transforms.vmap(fn, xs, dims, size, 0),
      fwd: (xs) => {
        const both = (zs: Value[]) => {
          const r = fwd(zs);
          nOut = r.outs.length;
          return [...r.outs, ...r.residuals];
        };
        const outs = transforms.vmap(both, xs, dims, size, 0);
        return { outs: outs.slice(0, nOut), residuals: outs.slice(nOut) };
      },
      bwd: (res, cts) => {
        const avals = args.map((a, i) => exampleAval(a, dims[i]));
        const per = (zs: Value[]) =>
          bwd(zs.slice(0, res.length), zs.slice(res.length)).map((c, i) => c ?? transforms.zeroTangent(avals[i]));
        const outs = transforms.vmap(per, [...res, ...cts], [...res, ...cts].map(() => 0), size, 0);
        // Inputs unbatched in the primal call get their cotangents summed over the examples.
        return outs.map((o, i) => (dims[i] === null ? sumBatch(o) : moveFromFront(o, dims[i] as number)));
      },
    };
    const outs = bind('custom_vjp_call', args, params);
    return { outs, dims: outs.map(() => 0) };
  },
};

function sumBatch(v: Value): Value {
  return bind('reduce_sum', [v], { axes: [0] })[0];
}

function moveFromFront(v: Value, dim: number): Value {
  const rank = avalOf(v).shape.length;
  const perm = Array.from({ length: rank }, (_, i) => i).filter((d) => d !== 0);
  perm.splice(dim, 0, 0);
  return dim === 0 ? v : bind('transpose', [v], { permutation: perm })[0];
}
