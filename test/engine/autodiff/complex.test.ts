// Complex inputs: JAX's gradient of a real function of z = x + iy is ∂f/∂x − i ∂f/∂y
// (SEMANTICS §1.3, autodiff cookbook: grad of x² + y² at 3 + 4j is 6 − 8j).
import * as assert from 'node:assert/strict';
import * as K from '../../../src/engine/array/kernels';
import type { Value } from '../../../src/engine/autodiff/core';
import * as lax from '../../../src/engine/autodiff/lax';
import { jvp, vjp } from '../../../src/engine/autodiff/transforms';
import { close, concrete } from './helpers';

const z = (re: number, im: number) => K.full('complex64', [], { re, im });
const parts = (v: Value) => K.getScalar(concrete(v), 0) as { re: number; im: number };

function gradReal(f: (z: Value) => Value, at: Value) {
  const { pullback } = vjp((xs) => ({ outs: [f(xs[0])] }), [at]);
  return parts(pullback([K.full('float32', [], 1)])[0]);
}

describe('complex differentiation', () => {
  it('grad of |z|² = real(z · conj z) at 3+4j is 6-8j', () => {
    const g = gradReal((v) => lax.real(lax.mul(v, lax.conj(v))), z(3, 4));
    assert.deepEqual(g, { re: 6, im: -8 });
  });

  it('grad of |z| at 3+4j is (3-4j)/5', () => {
    const g = gradReal(lax.abs, z(3, 4));
    close(g.re, 0.6);
    close(g.im, -0.8);
  });

  it('grad of imag(z) is -1j and of real(z) is 1', () => {
    assert.deepEqual(gradReal(lax.imag, z(1, 2)), { re: 0, im: -1 });
    assert.deepEqual(gradReal(lax.real, z(1, 2)), { re: 1, im: 0 });
  });

  it('jvp of a holomorphic function multiplies by its derivative: d/dz z² = 2z', () => {
    const { tangentsOut } = jvp((xs) => ({ outs: [lax.mul(xs[0], xs[0])] }), [z(1, 2)], [z(1, 0)]);
    assert.deepEqual(parts(tangentsOut[0]), { re: 2, im: 4 });
  });

  it('lax.complex(x, y) transposes to (Re ct, -Im ct)', () => {
    const { pullback } = vjp((xs) => ({ outs: [lax.complex(xs[0], xs[1])] }), [K.full('float32', [], 1), K.full('float32', [], 2)]);
    const [gx, gy] = pullback([z(5, 7)]);
    assert.equal(K.getScalar(concrete(gx), 0), 5);
    assert.equal(K.getScalar(concrete(gy), 0), -7);
  });
});
