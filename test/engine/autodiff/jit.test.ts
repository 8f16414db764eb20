// jit: staging with abstract tracers and replay through bind. Oracles: the un-jitted function's
// values and closed-form derivatives; JAX's rule that traced values have no concrete value.
import * as assert from 'node:assert/strict';
import { avalOf, concreteValue, type Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { jit, vmap } from '../../../src/engine/autodiff/transforms';
import { arr, close, grad, scalar, values, weak } from './helpers';

const c = (x: Value, v: number) => lax.scalarLike(x, v);

describe('jit', () => {
  it('gives the values of the plain function', () => {
    const f = (xs: Value[]) => [lax.add(lax.mul(xs[0], xs[1]), lax.sin(xs[0]))];
    const x = arr([0.5, 1, 2]);
    const y = arr([3, 4, 5]);
    assert.deepEqual(values(jit(f)([x, y])[0]), values(f([x, y])[0]));
  });

  it('runs the traced function once per argument signature', () => {
    let traces = 0;
    const f = jit((xs) => {
      traces++;
      return [lax.mul(xs[0], c(xs[0], 2))];
    });
    assert.deepEqual(values(f([arr([1, 2])])[0]), [2, 4]);
    assert.deepEqual(values(f([arr([5, 6])])[0]), [10, 12]);
    assert.equal(traces, 1);
    f([arr([1, 2, 3])]);
    assert.equal(traces, 2);
    f([arr([1, 2], 'float32', true)]);
    assert.equal(traces, 3, 'a weak-typed argument is another signature');
  });

  it('traced values have no concrete value (Python control flow must raise under jit)', () => {
    let seen: unknown = 'unset';
    jit((xs) => {
      seen = concreteValue(xs[0]);
      return [xs[0]];
    })([weak(1)]);
    assert.equal(seen, undefined);
    // Under grad, by contrast, the primal is available.
    grad((x) => {
      seen = concreteValue(x);
      return x;
    })(weak(1));
    assert.deepEqual(values(seen as unknown as Value), [1]);
  });

  it('shape errors are raised while tracing', () => {
    assert.throws(() => jit((xs) => [lax.add(xs[0], arr([1, 2]))])([arr([1, 2, 3])]), /add got incompatible shapes/);
  });

  it('grad of jit and jit of grad both give the derivative', () => {
    const cube = (x: Value) => lax.integerPow(x, 3);
    const jitted = jit((xs) => [cube(xs[0])]);
    assert.equal(scalar(grad((x) => jitted([x])[0])(weak(2))), 12);
    const jittedGrad = jit((xs) => [grad(cube)(xs[0])]);
    assert.equal(scalar(jittedGrad([weak(2)])[0]), 12);
    assert.equal(avalOf(jittedGrad([weak(2)])[0]).weakType, true);
    // Second derivative through a jitted function: 6x.
    assert.equal(scalar(grad(grad((x) => jitted([x])[0]))(weak(2))), 12);
  });

  it('a jitted function closing over an outer tracer is retraced, not cached with it', () => {
    const g = grad((x) => {
      const inner = jit((ys) => [lax.mul(ys[0], x)]);
      return inner([x])[0];
    });
    assert.equal(scalar(g(weak(3))), 6);
    assert.equal(scalar(g(weak(5))), 10);
  });

  it('vmap of jit and jit of vmap', () => {
    const sq = jit((xs) => [lax.mul(xs[0], xs[0])]);
    assert.deepEqual(values(vmap(sq, [arr([1, 2, 3])], [0], 3, [0])[0]), [1, 4, 9]);
    const batched = jit((xs) => vmap(([v]) => [lax.reduceSum(v, [0])], xs, [1], 2, [0]));
    assert.deepEqual(values(batched([arr([[1, 2], [3, 4]])])[0]), [4, 6]);
  });

  it('tanh through jit matches the closed form derivative', () => {
    const t = jit((xs) => [lax.tanh(xs[0])]);
    close(scalar(grad((x) => t([x])[0])(weak(0.2))), 1 - Math.tanh(0.2) ** 2, 1e-6);
  });
});
