// Consistency of the control-flow derivatives in float64 (x64): reverse mode, forward mode and
// central finite differences agree on smooth programs mixing scan, fori_loop, cond and switch,
// eagerly and under jit and vmap.
import * as assert from 'node:assert/strict';
import { repr } from './helpers';

const PROGRAM = `
def f(w):
    def body(c, x):
        c = lax.cond(x > 0, lambda c: c * jnp.sin(w[0] * x), lambda c: c + w[1] * x ** 2, c)
        return c, c * w[2]
    c, ys = lax.scan(body, jnp.float64(1.0), jnp.array([0.5, -1.0, 2.0, -0.3]))
    v = lax.fori_loop(0, 3, lambda i, v: lax.switch(i, [jnp.tanh, jnp.sin, jnp.exp], v * w[0]), c)
    return v + ys.sum()
w = jnp.array([0.7, -0.4, 1.3])
def fd(f, w, h=1e-6):
    e = jnp.eye(3)
    return jnp.array([(f(w + h * e[i]) - f(w - h * e[i])) / (2 * h) for i in range(3)])
`;

describe('control-flow derivatives agree (x64)', () => {
  it('grad = jacfwd = central finite differences', () => {
    const close = (a: string, b: string) => repr(PROGRAM + `bool(jnp.allclose(${a}, ${b}, rtol=1e-6, atol=1e-8))`, true);
    assert.equal(close('jax.grad(f)(w)', 'fd(f, w)'), 'True');
    assert.equal(close('jax.grad(f)(w)', 'jax.jacfwd(f)(w)'), 'True');
    assert.equal(close('jax.jit(jax.grad(f))(w)', 'jax.grad(jax.jit(f))(w)'), 'True');
    assert.equal(close('jax.grad(f)(w)', 'jax.jit(jax.grad(f))(w)'), 'True');
  });

  it('vmap of grad equals grad per example; the Hessian is symmetric and matches forward-over-reverse', () => {
    const src = PROGRAM + 'ws = jnp.stack([w, w * 0.5, -w])\n';
    const close = (a: string, b: string) => repr(src + `bool(jnp.allclose(${a}, ${b}, rtol=1e-6, atol=1e-8))`, true);
    assert.equal(close('jax.vmap(jax.grad(f))(ws)', 'jnp.stack([jax.grad(f)(v) for v in ws])'), 'True');
    assert.equal(close('jax.hessian(f)(w)', 'jax.hessian(f)(w).T'), 'True');
    assert.equal(close('jax.jacrev(jax.grad(f))(w)', 'jax.jacfwd(jax.grad(f))(w)'), 'True');
  });
});
