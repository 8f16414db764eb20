// lax.scan as one higher-order primitive, as JAX's `scan_p`: the params carry the staged body
// (consts, carry, x) -> (carry, y), traced once, and
// - impl runs the body `length` times (one interpreter step per iteration, so the step budget
//   catches a runaway scan) and stacks the per-step outputs;
// - jvp is a scan of the body's JVP (carry tangents travel in the carry);
// - vjp is JAX's scheme: a forward scan saving the carry that enters each step, then a scan in
//   the opposite direction of the body's backward pass, accumulating the consts' cotangents in
//   its carry and stacking the xs' cotangents;
// - batch is a scan of the batched body (carries batched on axis 0, xs and ys on axis 1).
// `unroll` does not change values, so it is not a param here.

import { type AVal, isInexact } from '../../array/dtype';
import * as K from '../../array/kernels';
import type { NDArray } from '../../array/ndarray';
import { runContext } from '../../context';
import { typeError } from '../../errors';
import { avalOf, bind, type Value } from '../core';
import * as lax from '../lax';
import { evalJaxpr } from '../traces/staging';
import * as transforms from '../transforms';
import { avalsOf, conform, type Staged, stage } from './closed';
import { batchToFront, moveAxis } from './common';
import type { MaybeZero, ParamsOf, PrimitiveRules } from './types';

type ScanParams = ParamsOf<'scan'>;

/** Binds `scan` on a staged body over (consts, carry, xs); its captured tracers lead the consts. */
export function scanOfStaged(
  body: Staged,
  consts: readonly Value[],
  carry: readonly Value[],
  xs: readonly Value[],
  length: number,
  reverse: boolean,
): Value[] {
  const params: ScanParams = {
    body: body.jaxpr,
    nConsts: body.consts.length + consts.length,
    nCarry: carry.length,
    length,
    reverse,
    outAvals: body.outAvals,
  };
  return bind('scan', [...body.consts, ...consts, ...carry, ...xs], params);
}

function split<T>(args: readonly T[], p: { nConsts: number; nCarry: number }) {
  const a = p.nConsts;
  const b = a + p.nCarry;
  return { consts: args.slice(0, a), carry: args.slice(a, b), xs: args.slice(b) };
}

/** The aval of one step's slice of a stacked value. */
const stepAval = (a: AVal): AVal => ({ shape: a.shape.slice(1), dtype: a.dtype, weakType: a.weakType });
const stackedAval = (a: AVal, length: number): AVal => ({ shape: [length, ...a.shape], dtype: a.dtype, weakType: a.weakType });

function indexInDim(x: Value, i: number): Value {
  const s = avalOf(x).shape;
  const piece = lax.slice(x, s.map((_, d) => (d === 0 ? i : 0)), s.map((n, d) => (d === 0 ? i + 1 : n)));
  return lax.reshape(piece, s.slice(1));
}

function stack(parts: readonly Value[], a: AVal, length: number): Value {
  if (length === 0) return K.full(a.dtype, [0, ...a.shape], 0, a.weakType);
  return lax.concatenate(parts.map((v) => lax.reshape(v, [1, ...a.shape])), 0);
}

const carryAvals = (p: ScanParams) => p.outAvals.slice(0, p.nCarry);
const yAvals = (p: ScanParams) => p.outAvals.slice(p.nCarry);
const inexact = (avals: readonly AVal[]) => avals.flatMap((a, i) => (isInexact(a.dtype) ? [i] : []));

export const SCAN_RULES: PrimitiveRules<ScanParams> = {
  impl(args, p) {
    const { consts, xs } = split(args, p);
    let carry: Value[] = split(args, p).carry;
    const ys: Value[][] = yAvals(p).map(() => new Array<Value>(p.length));
    for (let step = 0; step < p.length; step++) {
      runContext().step();
      const i = p.reverse ? p.length - 1 - step : step;
      const out = evalJaxpr(p.body, [...consts, ...carry, ...xs.map((x) => indexInDim(x, i))]);
      carry = conform(out.slice(0, p.nCarry), carryAvals(p));
      conform(out.slice(p.nCarry), yAvals(p)).forEach((y, k) => (ys[k][i] = y));
    }
    const stacked = yAvals(p).map((a, k) => stack(ys[k], a, p.length));
    return [...conform(carry, carryAvals(p)), ...stacked] as NDArray[];
  },
  abstractEval(avals, p) {
    const { xs } = split(avals, p);
    for (const x of xs) {
      if (x.shape[0] !== p.length) throw typeError(`scan got values with leading axis ${x.shape[0]}, expected length ${p.length}.`);
    }
    return [...carryAvals(p), ...yAvals(p).map((a) => stackedAval(a, p.length))];
  },
  jvp(primals, tangents, p) {
    const { consts, carry, xs } = split(primals, p);
    const t = split(tangents, p);
    const withTangent = (vs: Value[], ts: MaybeZero[]) => vs.flatMap((v, i) => (ts[i] !== null && isInexact(avalOf(v).dtype) ? [i] : []));
    const cT = withTangent(consts, t.consts);
    const kT = inexact(carryAvals(p)); // every inexact carry carries a tangent (zeros if none)
    const xT = withTangent(xs, t.xs);
    const yT = inexact(yAvals(p));
    const [nC, nK, nX] = [consts.length, carry.length, xs.length];
    const carryT = kT.map((i) => conform([t.carry[i] ?? lax.zerosLike(carryAvals(p)[i])], [carryAvals(p)[i]])[0]);
    const body = stage(
      (vs) => {
        // vs: consts, const tangents, carry, carry tangents, x, x tangents.
        let o = 0;
        const take = (n: number) => vs.slice(o, (o += n));
        const [c, ct, k, kt, x, xt] = [take(nC), take(cT.length), take(nK), take(kT.length), take(nX), take(xT.length)];
        const ts: MaybeZero[] = [...c, ...k, ...x].map(() => null);
        cT.forEach((i, j) => (ts[i] = ct[j]));
        kT.forEach((i, j) => (ts[nC + i] = kt[j]));
        xT.forEach((i, j) => (ts[nC + nK + i] = xt[j]));
        const r = transforms.jvp((ys) => ({ outs: evalJaxpr(p.body, ys) }), [...c, ...k, ...x], ts);
        const outs = conform(r.outs, p.outAvals);
        const touts = conform(r.tangentsOut, p.outAvals);
        return [...outs.slice(0, nK), ...kT.map((i) => touts[i]), ...outs.slice(nK), ...yT.map((j) => touts[nK + j])];
      },
      [
        ...avalsOf(consts),
        ...cT.map((i) => avalOf(t.consts[i]!)),
        ...carryAvals(p),
        ...avalsOf(carryT),
        ...xs.map((x) => stepAval(avalOf(x))),
        ...xT.map((i) => stepAval(avalOf(t.xs[i]!))),
      ],
    );
    const outs = scanOfStaged(
      body,
      [...consts, ...cT.map((i) => t.consts[i]!)],
      [...carry, ...carryT],
      [...xs, ...xT.map((i) => t.xs[i]!)],
      p.length,
      p.reverse,
    );
    const nY = yAvals(p).length;
    const carryOut = outs.slice(0, nK);
    const ysOut = outs.slice(nK + kT.length, nK + kT.length + nY);
    const tangentsOut: MaybeZero[] = [...carryOut, ...ysOut].map(() => null);
    kT.forEach((i, j) => (tangentsOut[i] = outs[nK + j]));
    yT.forEach((i, j) => (tangentsOut[nK + i] = outs[nK + kT.length + nY + j]));
    return { primalsOut: [...carryOut, ...ysOut], tangentsOut };
  },
  vjp(cts, primalsIn, _primalsOut, p, needed) {
    const { consts, carry, xs } = split(primalsIn, p);
    const [nC, nK] = [consts.length, carry.length];
    const result: MaybeZero[] = primalsIn.map(() => null);
    if (cts.every((c) => c === null)) return result;
    const cF = inexact(avalsOf(consts));
    const kF = inexact(carryAvals(p));
    const xF = inexact(avalsOf(xs));
    const yF = inexact(yAvals(p));
    const stepAvals = [...avalsOf(consts), ...avalsOf(carry), ...xs.map((x) => stepAval(avalOf(x)))];
    // 1. Forward: the carry entering each step, stacked (the residuals).
    const fwd = stage((vs) => {
      const out = evalJaxpr(p.body, vs);
      return [...conform(out.slice(0, nK), carryAvals(p)), ...vs.slice(nC, nC + nK)];
    }, stepAvals);
    const entering = scanOfStaged(fwd, consts, carry, xs, p.length, p.reverse).slice(nK);
    // 2. Backward, in the opposite direction: carry = (carry cotangent, consts' cotangent sums).
    const ctCarry0 = kF.map((i) => cts[i] ?? lax.zerosLike(carryAvals(p)[i]));
    const acc0 = cF.map((i) => lax.zerosLike(avalOf(consts[i])));
    const ctYs = yF.map((j) => cts[nK + j] ?? lax.zerosLike(stackedAval(yAvals(p)[j], p.length)));
    const stateAvals = [...avalsOf(ctCarry0), ...avalsOf(acc0)];
    const bwd = stage(
      (vs) => {
        let o = 0;
        const take = (n: number) => vs.slice(o, (o += n));
        const [c, ctK, acc, k, x, ctY] = [take(nC), take(kF.length), take(cF.length), take(nK), take(xs.length), take(yF.length)];
        const r = transforms.vjp((ys) => ({ outs: evalJaxpr(p.body, ys) }), [...c, ...k, ...x]);
        const full: MaybeZero[] = p.outAvals.map(() => null);
        kF.forEach((i, j) => (full[i] = ctK[j]));
        yF.forEach((i, j) => (full[nK + i] = ctY[j]));
        const inCts = r.pullback(full);
        const state = [...kF.map((i) => inCts[nC + i]), ...cF.map((i, j) => lax.add(acc[j], inCts[i]))];
        return [...conform(state, stateAvals), ...xF.map((i) => inCts[nC + nK + i])];
      },
      [...avalsOf(consts), ...stateAvals, ...avalsOf(carry), ...xs.map((x) => stepAval(avalOf(x))), ...ctYs.map((c) => stepAval(avalOf(c)))],
    );
    const outs = scanOfStaged(bwd, consts, [...ctCarry0, ...acc0], [...entering, ...xs, ...ctYs], p.length, !p.reverse);
    kF.forEach((i, j) => (result[nC + i] = outs[j]));
    cF.forEach((i, j) => (result[i] = outs[kF.length + j]));
    xF.forEach((i, j) => (result[nC + nK + i] = outs[kF.length + cF.length + j]));
    return needed ? result.map((r, i) => (needed[i] ? r : null)) : result;
  },
  batch(args, dims, p, size) {
    const { consts, carry, xs } = split(args, p);
    const d = split(dims, p);
    const front = carry.map((c, i) => batchToFront(c, d.carry[i], size));
    const xsMoved = xs.map((x, i) => (d.xs[i] === null ? x : moveAxis(x, d.xs[i]!, 1)));
    const inDims = [...d.consts, ...front.map(() => 0), ...d.xs.map((x) => (x === null ? null : 0))];
    const body = stage(
      (vs) => transforms.vmap((ys) => conform(evalJaxpr(p.body, ys), p.outAvals), vs, inDims, size, 0),
      [...avalsOf(consts), ...avalsOf(front), ...xsMoved.map((x) => stepAval(avalOf(x)))],
    );
    const outs = scanOfStaged(body, consts, front, xsMoved, p.length, p.reverse);
    return { outs, dims: outs.map((_, i) => (i < p.nCarry ? 0 : 1)) };
  },
};
