// Gradients of reductions, broadcasting and dot_general against closed forms.
import * as assert from 'node:assert/strict';
import type { Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { vjp } from '../../../src/engine/autodiff/transforms';
import { allClose, arr, grad, values, weak } from './helpers';

const all = (x: Value) => lax.reduceSum(x, lax.avalOf(x).shape.map((_, i) => i));

describe('reductions (closed forms)', () => {
  it('grad of reduce_sum ∘ broadcast_in_dim counts the copies', () => {
    // f(x) = sum(broadcast(x, (4, 3))) = 4 Σ x, so ∂f/∂x = 4.
    const g = grad((x) => all(lax.broadcastInDim(x, [4, 3], [1])))(arr([1, 2, 3]));
    assert.deepEqual(values(g), [4, 4, 4]);
    // A 0-d operand broadcast to (2, 3): 6 copies.
    assert.deepEqual(values(grad((x) => all(lax.broadcastInDim(x, [2, 3], [])))(weak(1))), [6]);
  });

  it('reduce_max ties share the derivative: [1, 3, 3] gives [0, .5, .5]', () => {
    assert.deepEqual(values(grad((x) => lax.reduceMax(x, [0]))(arr([1, 3, 3]))), [0, 0.5, 0.5]);
    assert.deepEqual(values(grad((x) => lax.reduceMin(x, [0]))(arr([2, 2, 2, 5]))), [1 / 3, 1 / 3, 1 / 3, 0].map(Math.fround));
  });

  it('reduce_max along one axis picks the row maxima', () => {
    const g = grad((x) => all(lax.reduceMax(x, [1])))(arr([[1, 5, 2], [7, 0, 7]]));
    assert.deepEqual(values(g), [0, 1, 0, 0.5, 0, 0.5]);
  });

  it('reduce_prod: ∂/∂x_i is the product of the others, zeros included', () => {
    assert.deepEqual(values(grad((x) => lax.reduceProd(x, [0]))(arr([2, 3, 4]))), [12, 8, 6]);
    assert.deepEqual(values(grad((x) => lax.reduceProd(x, [0]))(arr([2, 0, 4]))), [0, 8, 0]);
    assert.deepEqual(values(grad((x) => lax.reduceProd(x, [0]))(arr([0, 0, 4]))), [0, 0, 0]);
  });

  it('cumsum: ∂ Σ_j w_j cumsum(x)_j / ∂x_i = Σ_{j≥i} w_j', () => {
    const w = arr([1, 10, 100]);
    assert.deepEqual(values(grad((x) => all(lax.mul(w, lax.cumsum(x, 0))))(arr([5, 6, 7]))), [111, 110, 100]);
    assert.deepEqual(values(grad((x) => all(lax.mul(w, lax.cumsum(x, 0, true))))(arr([5, 6, 7]))), [1, 11, 111]);
  });

  it('cumprod with a zero: d/dx Σ cumprod(x) at [2, 0, 3]', () => {
    // Σ = x0 + x0x1 + x0x1x2: ∂/∂x0 = 1 + x1 + x1x2 = 1, ∂/∂x1 = x0 + x0x2 = 8, ∂/∂x2 = x0x1 = 0.
    assert.deepEqual(values(grad((x) => all(lax.cumprod(x, 0)))(arr([2, 0, 3]))), [1, 8, 0]);
  });

  it('cummax routes each output to its running maximum', () => {
    // cummax([1, 3, 2, 5]) = [1, 3, 3, 5]: x1 feeds outputs 1 and 2.
    assert.deepEqual(values(grad((x) => all(lax.cummax(x, 0)))(arr([1, 3, 2, 5]))), [1, 2, 0, 1]);
  });
});

describe('dot_general (matrix calculus)', () => {
  const A = [[1, 2, 3], [4, 5, 6]];
  const B = [[1, -1], [0, 2], [3, 1]];
  const matmul = { contracting: [[1], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };

  it('L = Σ (A B) ∘ G: ∂L/∂A = G Bᵀ and ∂L/∂B = Aᵀ G', () => {
    const G = arr([[1, 2], [3, 4]]);
    const { pullback } = vjp((xs) => ({ outs: [lax.dotGeneral(xs[0], xs[1], matmul)] }), [arr(A), arr(B)]);
    const [dA, dB] = pullback([G]);
    // G Bᵀ = [[1·1+2·(-1), 1·0+2·2, 1·3+2·1], [3-4, 0+8, 9+4]]
    assert.deepEqual(values(dA), [-1, 4, 5, -1, 8, 13]);
    // Aᵀ G = [[1+12, 2+16], [2+15, 4+20], [3+18, 6+24]]
    assert.deepEqual(values(dB), [13, 18, 17, 24, 21, 30]);
  });

  it('vector dot: ∇ₓ (x · y) = y', () => {
    const dims = { contracting: [[0], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };
    assert.deepEqual(values(grad((x) => lax.dotGeneral(x, arr([4, 5, 6]), dims))(arr([1, 2, 3]))), [4, 5, 6]);
  });

  it('quadratic form: ∇ₓ xᵀ M x = (M + Mᵀ) x', () => {
    const M = arr([[1, 2], [3, 4]]);
    const mv = { contracting: [[1], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };
    const vv = { contracting: [[0], [0]] as [number[], number[]], batch: [[], []] as [number[], number[]] };
    const f = (x: Value) => lax.dotGeneral(x, lax.dotGeneral(M, x, mv), vv);
    // (M + Mᵀ) = [[2, 5], [5, 8]]; at x = [1, -1]: [-3, -3].
    allClose(values(grad(f)(arr([1, -1]))), [-3, -3]);
  });

  it('batched matmul gradients are per-batch G Bᵀ', () => {
    const dims = { contracting: [[2], [1]] as [number[], number[]], batch: [[0], [0]] as [number[], number[]] };
    const x = arr([[[1, 2]], [[3, 4]]]); // (2, 1, 2)
    const y = arr([[[1], [1]], [[2], [-1]]]); // (2, 2, 1)
    const { pullback } = vjp((xs) => ({ outs: [lax.dotGeneral(xs[0], xs[1], dims)] }), [x, y]);
    const [dx, dy] = pullback([arr([[[1]], [[10]]])]);
    assert.deepEqual(values(dx), [1, 1, 20, -10]);
    assert.deepEqual(values(dy), [1, 2, 30, 40]);
  });
});

describe('indexing (closed forms)', () => {
  it('gather with repeated indices accumulates: ∂ Σ x[[0, 2, 2]] = [1, 0, 2]', () => {
    const g = grad((x) => all(lax.gather(x, [arr([0, 2, 2], 'int32')], 0, 'clip')))(arr([5, 6, 7]));
    assert.deepEqual(values(g), [1, 0, 2]);
  });

  it('scatter-add passes the cotangent to the operand and gathers it for the updates', () => {
    const w = arr([1, 10, 100]);
    const { pullback } = vjp(
      (xs) => ({ outs: [all(lax.mul(w, lax.scatter(xs[0], [arr([2, 2], 'int32')], 0, xs[1], 'add')))] }),
      [arr([0, 0, 0]), arr([1, 1])],
    );
    const [dx, du] = pullback([lax.full([], 1, 'float32')]);
    assert.deepEqual(values(dx), [1, 10, 100]);
    assert.deepEqual(values(du), [100, 100]);
  });

  it('scatter-set with a repeated index: only the surviving (last) update gets the cotangent', () => {
    const w = arr([1, 10, 100]);
    const { pullback } = vjp(
      (xs) => ({ outs: [all(lax.mul(w, lax.scatter(xs[0], [arr([1, 1, 5], 'int32')], 0, xs[1], 'set')))] }),
      [arr([1, 2, 3]), arr([7, 8, 9])],
    );
    const [dx, du] = pullback([lax.full([], 1, 'float32')]);
    assert.deepEqual(values(dx), [1, 0, 100]);
    // Index 5 is out of range: that update is dropped and gets nothing.
    assert.deepEqual(values(du), [0, 10, 0]);
  });

  it('sort sends each cotangent back to where its element came from', () => {
    const w = arr([1, 10, 100]);
    const g = grad((x) => all(lax.mul(w, lax.sort(x, 0))))(arr([3, 1, 2]));
    assert.deepEqual(values(g), [100, 1, 10]);
  });
});
