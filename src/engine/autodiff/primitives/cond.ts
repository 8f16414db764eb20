// lax.cond / lax.switch as one higher-order primitive, as JAX's `cond_p`: the params carry one
// staged jaxpr per branch (closure-converted, so captured tracers are operands), and
// - impl evaluates only the branch the index selects;
// - jvp is a cond of the branches' JVPs;
// - vjp is a cond of the branches' backward passes, so only the taken branch's backward pass
//   runs (no NaN from the branch not taken, unlike a select);
// - batch with an unbatched index is a cond of the batched branches; with a batched index it
//   becomes JAX's select: every branch runs on every example, each on operands whose
//   gradient is stopped where that branch is not selected (JAX's guard, jax issue #1052).
// The output types are those of branch 0 (JAX's `_cond_abstract_eval`).

import { type AVal, isInexact } from '../../array/dtype';
import * as K from '../../array/kernels';
import type { NDArray } from '../../array/ndarray';
import { typeError } from '../../errors';
import { avalOf, bind, type Value } from '../core';
import * as lax from '../lax';
import { evalJaxpr, type Jaxpr } from '../traces/staging';
import * as transforms from '../transforms';
import { avalsOf, conform, type Staged, stage } from './closed';
import { batchToFront, matchWeakType, moveAxis } from './common';
import type { MaybeZero, ParamsOf, PrimitiveRules } from './types';

type CondParams = ParamsOf<'cond'>;

/** Inserts `before` and `after` unused inputs around a closed jaxpr's own `nConsts` consts. */
function widenConsts(jaxpr: Jaxpr, nConsts: number, before: number, after: number): Jaxpr {
  let next = 0;
  for (const id of jaxpr.inIds) next = Math.max(next, id + 1);
  for (const e of jaxpr.eqns) for (const id of e.outIds) next = Math.max(next, id + 1);
  const fresh = (n: number) => Array.from({ length: n }, () => next++);
  const own = jaxpr.inIds.slice(0, nConsts);
  return { ...jaxpr, inIds: [...fresh(before), ...own, ...fresh(after), ...jaxpr.inIds.slice(nConsts)] };
}

/**
 * Binds `cond` on staged branches (all of one signature over `operands`): their captured
 * consts are concatenated into common leading operands, as JAX's
 * `_initial_style_jaxprs_with_common_consts` does. `index` is an int32 scalar in range.
 */
export function condOfStaged(index: Value, branches: readonly Staged[], operands: readonly Value[]): Value[] {
  const total = branches.reduce((n, b) => n + b.consts.length, 0);
  let offset = 0;
  const jaxprs = branches.map((b) => {
    const j = widenConsts(b.jaxpr, b.consts.length, offset, total - offset - b.consts.length);
    offset += b.consts.length;
    return j;
  });
  const consts = branches.flatMap((b) => b.consts);
  return bind('cond', [index, ...consts, ...operands], { branches: jaxprs, outAvals: branches[0].outAvals });
}

const inexactPositions = (avals: readonly AVal[]) =>
  avals.flatMap((a, i) => (isInexact(a.dtype) ? [i] : []));

/** Each branch's outputs as the cond declares them (branch 0's weak types). */
const runBranch = (jaxpr: Jaxpr, p: CondParams) => (xs: Value[]) => conform(evalJaxpr(jaxpr, xs), p.outAvals);

export const COND_RULES: PrimitiveRules<CondParams> = {
  impl([index, ...ops], p) {
    const i = Number(K.getScalar(index, 0));
    const k = Math.min(Math.max(i, 0), p.branches.length - 1);
    return runBranch(p.branches[k], p)(ops) as NDArray[];
  },
  abstractEval([index], p) {
    if (index.dtype !== 'int32' || index.shape.length !== 0) {
      throw typeError(`cond index must be an int32 scalar, got ${index.dtype}[${index.shape.join(',')}].`);
    }
    return [...p.outAvals];
  },
  jvp([index, ...ops], [, ...opTangents], p) {
    // Tangents enter for the inexact operands that have one, and leave for every inexact output.
    const tIn = ops.flatMap((o, i) => (opTangents[i] !== null && isInexact(avalOf(o).dtype) ? [i] : []));
    const tOut = inexactPositions(p.outAvals);
    const n = ops.length;
    const jvpBranch = (jaxpr: Jaxpr): Staged =>
      stage(
        (xs) => {
          const ts: MaybeZero[] = ops.map(() => null);
          tIn.forEach((i, k) => (ts[i] = xs[n + k]));
          const r = transforms.jvp((ys) => ({ outs: evalJaxpr(jaxpr, ys) }), xs.slice(0, n), ts);
          return [...conform(r.outs, p.outAvals), ...tOut.map((i) => matchWeakType(r.tangentsOut[i], p.outAvals[i]))];
        },
        [...avalsOf(ops), ...tIn.map((i) => avalOf(opTangents[i]!))],
      );
    const outs = condOfStaged(index, p.branches.map(jvpBranch), [...ops, ...tIn.map((i) => opTangents[i]!)]);
    const m = p.outAvals.length;
    const tangentsOut: MaybeZero[] = p.outAvals.map(() => null);
    tOut.forEach((i, k) => (tangentsOut[i] = outs[m + k]));
    return { primalsOut: outs.slice(0, m), tangentsOut };
  },
  vjp(cts, [index, ...ops], _outs, p, needed) {
    const want = ops.flatMap((o, i) => ((needed?.[i + 1] ?? true) && isInexact(avalOf(o).dtype) ? [i] : []));
    const ctOut = inexactPositions(p.outAvals);
    const result: MaybeZero[] = [null, ...ops.map(() => null)];
    if (want.length === 0 || ctOut.every((i) => cts[i] === null)) return result;
    const ctVals = ctOut.map((i) => cts[i] ?? lax.zerosLike(p.outAvals[i]));
    const n = ops.length;
    // Each branch's backward pass recomputes that branch's forward pass from the operands.
    const bwdBranch = (jaxpr: Jaxpr): Staged =>
      stage(
        (xs) => {
          const r = transforms.vjp((ys) => ({ outs: evalJaxpr(jaxpr, ys) }), xs.slice(0, n));
          const full: MaybeZero[] = p.outAvals.map(() => null);
          ctOut.forEach((i, k) => (full[i] = xs[n + k]));
          const inCts = r.pullback(full);
          return want.map((i) => inCts[i]);
        },
        [...avalsOf(ops), ...avalsOf(ctVals)],
      );
    const outs = condOfStaged(index, p.branches.map(bwdBranch), [...ops, ...ctVals]);
    want.forEach((i, k) => (result[i + 1] = outs[k]));
    return result;
  },
  batch([index, ...ops], [indexDim, ...opDims], p, size) {
    if (indexDim === null) {
      const moved = ops.map((o, i) => (opDims[i] === null ? o : moveAxis(o, opDims[i]!, 0)));
      const inDims = opDims.map((d) => (d === null ? null : 0));
      const batched = p.branches.map((j) =>
        stage((xs) => transforms.vmap(runBranch(j, p), xs, inDims, size, 0), avalsOf(moved)),
      );
      const outs = condOfStaged(index, batched, moved);
      return { outs, dims: outs.map(() => 0) };
    }
    const idx = moveAxis(index, indexDim, 0);
    const front = ops.map((o, i) => batchToFront(o, opDims[i], size));
    const whereIs = (k: number, like: Value) => {
      const pred = lax.eq(idx, lax.scalarLike(idx, k));
      return lax.broadcastInDim(pred, avalOf(like).shape, [0]);
    };
    const perBranch = p.branches.map((j, k) => {
      const guarded = front.map((x) => lax.select(whereIs(k, x), x, lax.stopGradient(x)));
      return transforms.vmap(runBranch(j, p), guarded, guarded.map(() => 0), size, 0);
    });
    const outs = perBranch[0].map((first, i) =>
      perBranch.slice(1).reduce((acc, outsK, km1) => lax.select(whereIs(km1 + 1, acc), outsK[i], acc), first),
    );
    return { outs, dims: outs.map(() => 0) };
  },
};
