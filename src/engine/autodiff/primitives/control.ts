// lax.while_loop as a higher-order primitive whose params carry the staged cond and body
// jaxprs (closure-converted: captured tracers are explicit leading operands), so the loop
// works with abstract values under jit and vmap, as in JAX:
// - impl runs the loop on concrete arrays (one interpreter step per iteration, so the step
//   budget catches a loop that never ends);
// - jvp re-binds `while` on (carry, tangents) with the body's JVP as the new body;
// - batch re-binds it on the batched carry: it runs while any example's predicate holds, and
//   an example whose predicate is false keeps its carry (JAX's batched while);
// - vjp raises JAX's error: reverse mode does not work through while_loop.

import * as K from '../../array/kernels';
import type { NDArray } from '../../array/ndarray';
import { runContext } from '../../context';
import { valueError } from '../../errors';
import { avalOf, bind, type Value } from '../core';
import * as lax from '../lax';
import { evalJaxpr } from '../traces/staging';
import * as transforms from '../transforms';
import { isInexact } from '../../array/dtype';
import { type Staged, stage } from './closed';
import type { ParamsOf, PrimitiveRules, ValueFn } from './types';

type WhileParams = ParamsOf<'while'>;

export const WHILE_REVERSE_ERROR =
  'Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop with dynamic start/stop values. ' +
  'Try using lax.scan, or using fori_loop with static start/stop.';

/** Stages `cond` (returning [pred]) and `body` at the carry's avals and binds `while`. */
export function whileLoop(cond: ValueFn, body: ValueFn, carry: readonly Value[]): Value[] {
  const avals = carry.map(avalOf);
  return whileOfStaged(stage(cond, avals), stage(body, avals), carry);
}

/** Binds `while` on a staged cond and body; the tracers they captured lead their consts. */
export function whileOfStaged(cond: Staged, body: Staged, carry: readonly Value[]): Value[] {
  const params: WhileParams = { cond: cond.jaxpr, body: body.jaxpr, nCondConsts: cond.consts.length, nBodyConsts: body.consts.length };
  return bind('while', [...cond.consts, ...body.consts, ...carry], params);
}

function split<T>(args: readonly T[], p: WhileParams): { cc: T[]; bc: T[]; carry: T[] } {
  const nc = p.nCondConsts;
  const nb = p.nBodyConsts;
  return { cc: args.slice(0, nc), bc: args.slice(nc, nc + nb), carry: args.slice(nc + nb) };
}

export const WHILE_RULES: PrimitiveRules<WhileParams> = {
  impl(args, p) {
    const { cc, bc } = split(args, p);
    let carry: Value[] = split(args, p).carry;
    for (;;) {
      runContext().step();
      const pred = evalJaxpr(p.cond, [...cc, ...carry])[0] as NDArray;
      if (!K.getScalar(pred, 0)) return carry as NDArray[];
      carry = evalJaxpr(p.body, [...bc, ...carry]);
    }
  },
  abstractEval: (avals, p) => split(avals, p).carry,
  jvp(primals, tangents, p) {
    const { cc, bc, carry } = split(primals, p);
    const { bc: bcT, carry: carryT } = split(tangents, p);
    const n = carry.length;
    // Tangents travel in the carry for the float entries only (ints have none).
    const floats = carry.flatMap((c, i) => (isInexact(avalOf(c).dtype) ? [i] : []));
    const initT = floats.map((i) => carryT[i] ?? lax.zerosLike(avalOf(carry[i])));
    const body = (state: Value[]): Value[] => {
      const ts = carry.map((): Value | null => null);
      floats.forEach((i, k) => (ts[i] = state[n + k]));
      const r = transforms.jvp((xs) => ({ outs: evalJaxpr(p.body, xs) }), [...bc, ...state.slice(0, n)], [...bcT, ...ts]);
      return [...r.outs, ...floats.map((i) => r.tangentsOut[i])];
    };
    const cond = (state: Value[]) => evalJaxpr(p.cond, [...cc, ...state.slice(0, n)]);
    const outs = whileLoop(cond, body, [...carry, ...initT]);
    const tangentsOut = carry.map((): Value | null => null);
    floats.forEach((i, k) => (tangentsOut[i] = outs[n + k]));
    return { primalsOut: outs.slice(0, n), tangentsOut };
  },
  vjp() {
    throw valueError(WHILE_REVERSE_ERROR);
  },
  batch(args, dims, p, size) {
    const { cc, bc, carry } = split(args, p);
    const { cc: ccDims, bc: bcDims, carry: carryDims } = split(dims, p);
    const front = carry.map((c, i) => transforms.vmap((xs) => xs, [c], [carryDims[i]], size, 0)[0]);
    const zeros = front.map(() => 0);
    const preds = (state: Value[]) =>
      transforms.vmap((xs) => evalJaxpr(p.cond, xs), [...cc, ...state], [...ccDims, ...zeros], size, 0)[0];
    const cond = (state: Value[]) => [lax.reduceOr(preds(state), [0])];
    const body = (state: Value[]) => {
      const pred = preds(state);
      const next = transforms.vmap((xs) => evalJaxpr(p.body, xs), [...bc, ...state], [...bcDims, ...zeros], size, 0);
      return next.map((v, i) => lax.select(lax.broadcastInDim(pred, avalOf(v).shape, [0]), v, state[i]));
    };
    const outs = whileLoop(cond, body, front);
    return { outs, dims: outs.map(() => 0) };
  },
};
