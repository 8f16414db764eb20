// Consistency of the transformations over random compositions of primitives and random shapes,
// in float64 (x64 mode). Oracles are mathematical identities, not our own outputs:
//   forward and reverse mode agree: <v, J u> = <J^T v, u>;
//   both agree with central finite differences;
//   vmap(f)(xs) equals stacking f(x) per example;
//   nested transformations equal their unnested equivalents: grad of vmap = per-example grads
//   summed, vmap of grad = stacked grads, jit of grad = grad of jit = grad, and the Hessian-
//   vector product from jacfwd-of-jacrev (jvp of grad) equals reverse-over-reverse and the
//   finite difference of the gradient.
// Runs with a fixed seed; GRADLENS_PROPERTY_RUNS raises the number of programs.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as K from '../../../src/engine/array/kernels';
import { RunContext, withRunContext } from '../../../src/engine/context';
import { concreteValue, type Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { jit, jvp, vjp, vmap } from '../../../src/engine/autodiff/transforms';

const RUNS = Number(process.env.GRADLENS_PROPERTY_RUNS ?? 25);

type Op =
  | { kind: 'sin' | 'cos' | 'tanh' | 'logistic' | 'square' | 'expScaled' }
  | { kind: 'scale'; c: number }
  | { kind: 'add' | 'mul' | 'sub'; with: number }
  | { kind: 'rev' | 'cumsum' | 'sumBroadcast'; axis: number }
  | { kind: 'matmul'; m: number[] };

interface Program {
  shape: [number, number];
  ops: Op[];
}

const c = (x: Value, v: number) => lax.scalarLike(x, v);

function apply(op: Op, vals: Value[], shape: [number, number]): Value {
  const x = vals[vals.length - 1];
  const other = (k: number) => vals[k % vals.length];
  switch (op.kind) {
    case 'sin':
      return lax.sin(x);
    case 'cos':
      return lax.cos(x);
    case 'tanh':
      return lax.tanh(x);
    case 'logistic':
      return lax.logistic(x);
    case 'square':
      return lax.integerPow(x, 2);
    case 'expScaled':
      return lax.exp(lax.mul(x, c(x, 0.3)));
    case 'scale':
      return lax.mul(x, c(x, op.c));
    case 'add':
      return lax.add(x, other(op.with));
    case 'sub':
      return lax.sub(x, other(op.with));
    case 'mul':
      return lax.mul(x, other(op.with));
    case 'rev':
      return lax.rev(x, [op.axis]);
    case 'cumsum':
      return lax.cumsum(x, op.axis);
    case 'sumBroadcast': {
      const s = lax.reduceSum(x, [op.axis]);
      return lax.broadcastInDim(s, shape, [1 - op.axis]);
    }
    case 'matmul': {
      const b = shape[1];
      const m = K.fromNested(Array.from({ length: b }, (_, i) => op.m.slice(i * b, i * b + b)), 'float64', false);
      return lax.dotGeneral(x, m, { contracting: [[1], [0]], batch: [[], []] });
    }
  }
}

function run(p: Program, x: Value): Value {
  const vals = [x];
  for (const op of p.ops) vals.push(apply(op, vals, p.shape));
  return vals[vals.length - 1];
}

// Values of order one (fc.double would favour 0 and subnormals, which make every identity trivial).
const small = fc.integer({ min: -1500, max: 1500 }).map((i) => i / 1000);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom<Op>({ kind: 'sin' }, { kind: 'cos' }, { kind: 'tanh' }, { kind: 'logistic' }, { kind: 'square' }, { kind: 'expScaled' }),
  small.map((v): Op => ({ kind: 'scale', c: v })),
  fc.record({ kind: fc.constantFrom<'add' | 'mul' | 'sub'>('add', 'mul', 'sub'), with: fc.nat(8) }),
  fc.record({ kind: fc.constantFrom<'rev' | 'cumsum' | 'sumBroadcast'>('rev', 'cumsum', 'sumBroadcast'), axis: fc.integer({ min: 0, max: 1 }) }),
);
const programArb: fc.Arbitrary<Program> = fc
  .record({ a: fc.integer({ min: 1, max: 3 }), b: fc.integer({ min: 1, max: 3 }), ops: fc.array(opArb, { minLength: 1, maxLength: 6 }) })
  .chain(({ a, b, ops }) =>
    fc.array(small, { minLength: b * b, maxLength: b * b }).chain((m) =>
      fc.boolean().map((withMatmul) => ({
        shape: [a, b] as [number, number],
        ops: withMatmul ? [...ops.slice(0, 3), { kind: 'matmul', m } as Op, ...ops.slice(3)] : ops,
      })),
    ),
  );

const arrayArb = (n: number) => fc.array(small, { minLength: n, maxLength: n });
const caseArb = programArb.chain((p) => {
  const n = p.shape[0] * p.shape[1];
  return fc.record({ p: fc.constant(p), x: arrayArb(n), u: arrayArb(n), v: arrayArb(n), xs: arrayArb(3 * n) });
});

const mk = (flat: number[], shape: readonly number[]): Value => lax.reshape(K.fromNested(flat, 'float64', false), shape);
const nums = (v: Value): number[] => {
  const a = concreteValue(v)!;
  return Array.from({ length: a.size }, (_, i) => Number(K.getScalar(a, i)));
};
const dotv = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
function near(a: number[], b: number[], tol: number, what: string): void {
  assert.equal(a.length, b.length, what);
  a.forEach((x, i) => assert.ok(Math.abs(x - b[i]) <= tol * (1 + Math.abs(b[i])), `${what}[${i}]: ${x} vs ${b[i]}`));
}

/** s(x) = <w, f(x)>: a scalar function for the gradient identities. */
const scalarFn = (p: Program, w: Value) => (x: Value) => lax.reduceSum(lax.mul(run(p, x), w), [0, 1]);
const gradOf = (s: (x: Value) => Value) => (x: Value): Value => {
  const r = vjp((xs) => ({ outs: [s(xs[0])] }), [x]);
  return r.pullback([lax.onesLike(r.outs[0])])[0];
};

describe('transformation consistency on random compositions (float64)', () => {
  it('forward = reverse, both = central differences, vmap = stacking, nestings = unnested', () => {
    withRunContext(new RunContext({ x64: true }), () => {
      fc.assert(
        fc.property(caseArb, ({ p, x, u, v, xs }) => {
          const shape = p.shape;
          const n = shape[0] * shape[1];
          const X = mk(x, shape);
          const U = mk(u, shape);
          const V = mk(v, shape);
          const f = (xs0: Value[]) => ({ outs: [run(p, xs0[0])] });

          // <v, J u> = <J^T v, u>
          const Ju = nums(jvp(f, [X], [U]).tangentsOut[0]);
          const JTv = nums(vjp(f, [X]).pullback([V])[0]);
          const lhs = dotv(v, Ju);
          const rhs = dotv(JTv, u);
          assert.ok(Math.abs(lhs - rhs) <= 1e-9 * (1 + Math.abs(lhs)), `<v,Ju>=${lhs} <J^T v,u>=${rhs}`);

          // central differences
          const h = 1e-5;
          const plus = nums(run(p, mk(x.map((xi, i) => xi + h * u[i]), shape)));
          const minus = nums(run(p, mk(x.map((xi, i) => xi - h * u[i]), shape)));
          near(Ju, plus.map((a, i) => (a - minus[i]) / (2 * h)), 1e-5, 'J u vs finite differences');

          // vmap = stacking
          const batch = mk(xs, [3, ...shape]);
          const mapped = nums(vmap((ys) => [run(p, ys[0])], [batch], [0], 3, 0)[0]);
          const stacked = [0, 1, 2].flatMap((k) => nums(run(p, mk(xs.slice(k * n, k * n + n), shape))));
          near(mapped, stacked, 1e-12, 'vmap vs stacking');

          // nested compositions
          const s = scalarFn(p, V);
          const g = gradOf(s);
          const perExample = [0, 1, 2].map((k) => nums(g(mk(xs.slice(k * n, k * n + n), shape))));
          const vmapOfGrad = nums(vmap((ys) => [g(ys[0])], [batch], [0], 3, 0)[0]);
          near(vmapOfGrad, perExample.flat(), 1e-12, 'vmap of grad');
          const sumOfVmap = (B: Value) => lax.reduceSum(vmap((ys) => [s(ys[0])], [B], [0], 3, 0)[0], [0]);
          near(nums(gradOf(sumOfVmap)(batch)), perExample.flat(), 1e-12, 'grad of vmap');
          const gx = nums(g(X));
          near(nums(jit((ys) => [g(ys[0])])([X])[0]), gx, 1e-12, 'jit of grad');
          near(nums(gradOf((y) => jit((ys) => [s(ys[0])])([y])[0])(X)), gx, 1e-12, 'grad of jit');

          // Hessian-vector products: forward-over-reverse (jacfwd of jacrev) vs reverse-over-reverse vs FD
          const hvpFwd = nums(jvp((ys) => ({ outs: [g(ys[0])] }), [X], [U]).tangentsOut[0]);
          const hvpRev = nums(gradOf((y) => lax.reduceSum(lax.mul(g(y), U), [0, 1]))(X));
          near(hvpFwd, hvpRev, 1e-9, 'jacfwd(jacrev) vs reverse-over-reverse');
          const gp = nums(g(mk(x.map((xi, i) => xi + h * u[i]), shape)));
          const gm = nums(g(mk(x.map((xi, i) => xi - h * u[i]), shape)));
          near(hvpFwd, gp.map((a, i) => (a - gm[i]) / (2 * h)), 1e-5, 'Hessian-vector product vs finite differences');
        }),
        { seed: 20261127, numRuns: RUNS },
      );
    });
  });
});
