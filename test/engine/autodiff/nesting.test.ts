// Higher derivatives and nested transformations: grad of grad of ..., forward over reverse,
// and no perturbation confusion between levels.
import * as assert from 'node:assert/strict';
import { PyError } from '../../../src/engine/errors';
import type { Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { jvp, vjp } from '../../../src/engine/autodiff/transforms';
import { close, fwd, grad, scalar, weak } from './helpers';

const c = (x: Value, v: number) => lax.scalarLike(x, v);
// f(x) = x³ + 2x² - 3x + 1 (docs/automatic-differentiation.md): f'(1)=4, f''(1)=10, f'''(1)=6, f''''(1)=0.
const poly = (x: Value) =>
  lax.add(lax.sub(lax.add(lax.integerPow(x, 3), lax.mul(c(x, 2), lax.integerPow(x, 2))), lax.mul(c(x, 3), x)), c(x, 1));

describe('higher-order derivatives', () => {
  it('polynomial derivatives of order 1 to 4 at 1 are 4, 10, 6, 0', () => {
    assert.equal(scalar(grad(poly)(weak(1))), 4);
    assert.equal(scalar(grad(grad(poly))(weak(1))), 10);
    assert.equal(scalar(grad(grad(grad(poly)))(weak(1))), 6);
    assert.equal(scalar(grad(grad(grad(grad(poly))))(weak(1))), 0);
  });

  it('mixed modes agree: jvp of grad, grad of jvp, jvp of jvp', () => {
    assert.equal(scalar(fwd(grad(poly))(weak(1))), 10);
    assert.equal(scalar(grad(fwd(poly))(weak(1))), 10);
    assert.equal(scalar(fwd(fwd(fwd(poly)))(weak(1))), 6);
  });

  it("sin'' = -sin, tanh'' = -2 tanh (1 - tanh²)", () => {
    close(scalar(grad(grad(lax.sin))(weak(3))), -Math.sin(3), 1e-5);
    const t = Math.tanh(2);
    close(scalar(grad(grad(lax.tanh))(weak(2))), -2 * t * (1 - t * t), 1e-5);
  });

  it('third derivative of exp(sin(x)) by reverse mode matches the closed form', () => {
    // d³/dx³ e^{sin x} = e^{sin x}(cos³x - 3 sin x cos x - cos x)
    const x = 0.7;
    const expected = Math.exp(Math.sin(x)) * (Math.cos(x) ** 3 - 3 * Math.sin(x) * Math.cos(x) - Math.cos(x));
    close(scalar(grad(grad(grad((v) => lax.exp(lax.sin(v)))))(weak(x))), expected, 1e-5);
  });
});

describe('no perturbation confusion', () => {
  it('a tracer leaked out of a finished transformation raises UnexpectedTracerError', () => {
    let leaked: Value | undefined;
    grad((x) => {
      leaked = x;
      return x;
    })(weak(1));
    assert.throws(
      () => lax.sin(leaked as Value),
      (e: unknown) =>
        e instanceof PyError &&
        e.pyType === 'UnexpectedTracerError' &&
        e.message.startsWith(
          'Encountered an unexpected tracer. A function transformed by JAX had a side effect, allowing for a ' +
            'reference to an intermediate value with type float32[] wrapped in a LinearizeTracer to escape the ' +
            'scope of the transformation.\nJAX transformations require that functions explicitly return their ' +
            'outputs, and disallow saving intermediate values to global state.\nSee https://docs.jax.dev/',
        ),
    );
  });

  it('grad(lambda x: x * grad(lambda y: x * y)(1.))(2.) is 2x = 4', () => {
    const g = grad((x) => lax.mul(x, grad((y) => lax.mul(x, y))(weak(1))));
    assert.equal(scalar(g(weak(2))), 4);
  });

  it('the same in forward mode (Siskind and Pearlmutter): d/dx [x · d/dy (x + y)] = 1', () => {
    const g = fwd((x) => lax.mul(x, fwd((y) => lax.add(x, y))(weak(1))));
    assert.equal(scalar(g(weak(2))), 1);
  });

  it('an inner grad closing over the outer variable sees it as a constant', () => {
    // d/dy (x² y³) at y = 1 is 3x²; its x-derivatives are 6x and 6.
    const inner = (x: Value) => grad((y) => lax.mul(lax.integerPow(x, 2), lax.integerPow(y, 3)))(weak(1));
    assert.equal(scalar(grad(inner)(weak(5))), 30);
    assert.equal(scalar(grad(grad(inner))(weak(5))), 6);
  });

  it('vjp cotangents may themselves be traced (jvp through a pullback)', () => {
    // pullback of sin at 0.5 is ct·cos(0.5); differentiate it in ct: cos(0.5).
    const out = jvp(
      (cts) => ({ outs: vjp((xs) => ({ outs: [lax.sin(xs[0])] }), [weak(0.5)]).pullback([cts[0]]) }),
      [weak(1)],
      [weak(1)],
    );
    close(scalar(out.tangentsOut[0]), Math.cos(0.5), 1e-6);
  });
});
