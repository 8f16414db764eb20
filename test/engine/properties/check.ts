// The four properties every primitive's rules must keep, checked on one generated case in
// float64 (x64) mode:
//   abstractEval agrees with impl (shape, dtype, weak type);
//   the JVP agrees with central finite differences (or is zero for a non-differentiable one);
//   the VJP agrees with the JVP: <v, J u> = <J^T v, u>;
//   the batching rule agrees with a loop over examples.
import * as assert from 'node:assert/strict';
import { isInexact } from '../../../src/engine/array/dtype';
import * as K from '../../../src/engine/array/kernels';
import { NDArray, slotsPerElement, storageFor } from '../../../src/engine/array/ndarray';
import { bind, concreteValue, type Value } from '../../../src/engine/autodiff/core';
import { RULES } from '../../../src/engine/autodiff/primitives/table';
import type { PrimitiveName } from '../../../src/engine/autodiff/primitives/types';
import { jvp, vjp, vmap } from '../../../src/engine/autodiff/transforms';
import { RunContext, withRunContext } from '../../../src/engine/context';

export interface Case {
  args: NDArray[];
  params: unknown;
}

export type Derivative =
  /** Differentiable at the generated points: finite differences and <v,Ju> = <J^T v,u>. */
  | 'smooth'
  /** Piecewise constant or integer-valued: the JVP and VJP must be zero. */
  | 'zero'
  /** Forward mode only (JAX refuses reverse mode, e.g. while_loop): finite differences. */
  | 'forward'
  /** Reverse mode only (custom_vjp refuses forward mode): <v, finite differences> = <J^T v, u>. */
  | 'reverse'
  /** Not checked numerically (the reason is the string). */
  | { skip: string };

export interface Entry {
  gen: import('fast-check').Arbitrary<Case>;
  derivative: Derivative;
  /** Arguments that must stay unbatched in the vmap check (e.g. a static pad value). */
  batchable?: (i: number) => boolean;
  /** Relative tolerance of the finite-difference check (default 1e-5). */
  tol?: number;
}

export const x64 = <T>(fn: () => T): T => withRunContext(new RunContext({ x64: true }), fn);

/** Real storage slots of an array as plain numbers (complex: re, im interleaved). */
export function slots(v: Value): number[] {
  const c = concreteValue(v);
  assert.ok(c, 'expected a concrete value');
  return Array.from(c.data as ArrayLike<number>, Number);
}

export function make(dtype: NDArray['dtype'], shape: readonly number[], values: readonly number[], weak = false): NDArray {
  const n = shape.reduce((a, b) => a * b, 1) * slotsPerElement(dtype);
  const data = storageFor(dtype, n);
  for (let i = 0; i < n; i++) (data as Float64Array)[i] = values.length ? values[i % values.length] : 0;
  return new NDArray(dtype, shape, data, weak);
}

/** x + s * u, slot by slot (u has x's slots). */
function shifted(x: NDArray, u: readonly number[], s: number): NDArray {
  const v = slots(x).map((a, i) => a + s * u[i]);
  return make(x.dtype, x.shape, v, x.weakType);
}

/** Sum over elements of Re(a * b) (complex bilinear, not conjugated). */
function inner(a: Value, b: Value): number {
  const ca = concreteValue(a)!;
  const xs = slots(a);
  const ys = slots(b);
  if (ca.dtype.startsWith('complex')) {
    let s = 0;
    for (let i = 0; i < xs.length; i += 2) s += xs[i] * ys[i] - xs[i + 1] * ys[i + 1];
    return s;
  }
  return xs.reduce((s, x, i) => s + x * ys[i], 0);
}

const call = (prim: PrimitiveName, params: unknown) => (xs: Value[]) => bind(prim, xs, params as never);

/** A deterministic direction in the tangent space of `x` (values in [-1, 1]). */
function direction(x: NDArray, salt: number): number[] {
  return slots(x).map((_, i) => Math.sin(1.7 * i + 0.3 + salt));
}

export function checkAbstractEval(prim: PrimitiveName, c: Case): void {
  const rules = RULES[prim];
  const outs = rules.impl(c.args, c.params as never);
  const avals = rules.tracesUserCode ? outs : rules.abstractEval(c.args, c.params as never);
  assert.equal(avals.length, outs.length);
  outs.forEach((o, i) => {
    assert.deepEqual([...o.shape], [...avals[i].shape], `${prim}: shape`);
    assert.equal(o.dtype, avals[i].dtype, `${prim}: dtype`);
    assert.equal(o.weakType, avals[i].weakType, `${prim}: weak type`);
    assert.equal(o.data.length, o.size * slotsPerElement(o.dtype), `${prim}: storage length`);
  });
}

export function checkDerivatives(prim: PrimitiveName, c: Case, derivative: Derivative, tol = 1e-5): void {
  if (typeof derivative === 'object') return;
  const f = call(prim, c.params);
  const diff = c.args.map((a) => isInexact(a.dtype));
  const us = c.args.map((a, i) => (diff[i] ? direction(a, i) : null));
  const tangents = c.args.map((a, i) => (diff[i] ? make(a.dtype, a.shape, us[i]!) : null));
  if (derivative === 'reverse') return checkReverseOnly(prim, c, f, us, tangents);
  const { outs, tangentsOut } = jvp((xs) => ({ outs: f(xs) }), c.args, tangents);
  if (derivative === 'zero') {
    tangentsOut.forEach((t) => assert.ok(slots(t).every((v) => v === 0), `${prim}: nonzero JVP ${slots(t)}`));
    const { pullback } = vjp((xs) => ({ outs: f(xs) }), c.args);
    const cts = pullback(outs.map((o) => (isInexact(concreteValue(o)!.dtype) ? make(concreteValue(o)!.dtype, concreteValue(o)!.shape, [1]) : null)));
    cts.forEach((ct) => assert.ok(slots(ct).every((v) => v === 0), `${prim}: nonzero VJP`));
    return;
  }
  // Central finite differences along u (float64: a step of 1e-6 leaves ~1e-10 error).
  const eps = 1e-6;
  const plus = f(c.args.map((a, i) => (diff[i] ? shifted(a, us[i]!, eps) : a)));
  const minus = f(c.args.map((a, i) => (diff[i] ? shifted(a, us[i]!, -eps) : a)));
  outs.forEach((o, k) => {
    if (!isInexact(concreteValue(o)!.dtype)) return;
    const p = slots(plus[k]);
    const m = slots(minus[k]);
    const t = slots(tangentsOut[k]);
    t.forEach((tv, i) => {
      const fd = (p[i] - m[i]) / (2 * eps);
      // An infinite output (max of nothing is -inf) has no finite difference to compare with.
      if (!Number.isFinite(slots(o)[i])) return;
      const scale = Math.max(1, Math.abs(fd), Math.abs(slots(o)[i]));
      assert.ok(Math.abs(tv - fd) <= tol * scale, `${prim}: JVP ${tv} vs finite difference ${fd} at output slot ${i}`);
    });
  });
  if (derivative === 'forward') return;
  // <v, J u> = <J^T v, u>.
  const { pullback } = vjp((xs) => ({ outs: f(xs) }), c.args);
  const vs = outs.map((o, k) => {
    const a = concreteValue(o)!;
    return isInexact(a.dtype) ? make(a.dtype, a.shape, direction(a, 10 + k)) : null;
  });
  const cts = pullback(vs);
  let lhs = 0;
  vs.forEach((v, k) => {
    if (v) lhs += inner(v, tangentsOut[k]);
  });
  let rhs = 0;
  cts.forEach((ct, i) => {
    if (tangents[i]) rhs += inner(ct, tangents[i]!);
  });
  assert.ok(Math.abs(lhs - rhs) <= 1e-8 * Math.max(1, Math.abs(lhs)), `${prim}: <v, Ju> = ${lhs} but <J^T v, u> = ${rhs}`);
}

/** <v, (f(x + εu) - f(x - εu)) / 2ε> against <J^T v, u> from the VJP. */
function checkReverseOnly(prim: PrimitiveName, c: Case, f: (xs: Value[]) => Value[], us: (number[] | null)[], tangents: (NDArray | null)[]): void {
  const eps = 1e-6;
  const plus = f(c.args.map((a, i) => (us[i] ? shifted(a, us[i]!, eps) : a)));
  const minus = f(c.args.map((a, i) => (us[i] ? shifted(a, us[i]!, -eps) : a)));
  const { outs, pullback } = vjp((xs) => ({ outs: f(xs) }), c.args);
  const vs = outs.map((o, k) => {
    const a = concreteValue(o)!;
    return isInexact(a.dtype) ? make(a.dtype, a.shape, direction(a, 10 + k)) : null;
  });
  let lhs = 0;
  vs.forEach((v, k) => {
    if (!v) return;
    const p = slots(plus[k]);
    const m = slots(minus[k]);
    lhs += inner(v, make(v.dtype, v.shape, p.map((x, i) => (x - m[i]) / (2 * eps))));
  });
  let rhs = 0;
  pullback(vs).forEach((ct, i) => {
    if (tangents[i]) rhs += inner(ct, tangents[i]!);
  });
  assert.ok(Math.abs(lhs - rhs) <= 1e-5 * Math.max(1, Math.abs(lhs)), `${prim}: <v, finite differences> = ${lhs} but <J^T v, u> = ${rhs}`);
}

/** Example b of an argument: floats move a little per example, others repeat. */
function example(a: NDArray, b: number): NDArray {
  if (!isInexact(a.dtype) || b === 0) return a;
  return shifted(a, direction(a, 20 + b), 0.25 * b);
}

function stack(xs: NDArray[]): NDArray {
  return K.concatenate(xs.map((x) => K.expandDims(x, [0])), 0);
}

export function checkBatching(prim: PrimitiveName, c: Case, batchable: (i: number) => boolean, batchMask: number): void {
  const B = 3;
  let batched = c.args.map((_, i) => batchable(i) && ((batchMask >> i) & 1) === 1);
  if (!batched.some(Boolean)) {
    const first = c.args.findIndex((_, i) => batchable(i));
    if (first < 0) return;
    batched = batched.map((_, i) => i === first);
  }
  const perExample = Array.from({ length: B }, (_, b) => c.args.map((a, i) => (batched[i] ? example(a, b) : a)));
  const expected = perExample.map((args) => RULES[prim].impl(args, c.params as never));
  const vmapArgs = c.args.map((a, i) => (batched[i] ? stack(perExample.map((args) => args[i])) : a));
  const outs = vmap(call(prim, c.params), vmapArgs, batched.map((b) => (b ? 0 : null)), B, 0);
  outs.forEach((o, k) => {
    const want = stack(expected.map((e) => e[k]));
    const got = concreteValue(o)!;
    assert.deepEqual([...got.shape], [...want.shape], `${prim}: batched shape`);
    assert.equal(got.dtype, want.dtype, `${prim}: batched dtype`);
    const g = slots(got);
    const w = slots(want);
    g.forEach((v, i) => {
      const ok = Object.is(v, w[i]) || (Number.isNaN(v) && Number.isNaN(w[i])) || Math.abs(v - w[i]) <= 1e-12 * Math.max(1, Math.abs(w[i]));
      assert.ok(ok, `${prim}: batched slot ${i} is ${v}, per-example ${w[i]}`);
    });
  });
}
