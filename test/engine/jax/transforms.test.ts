// jacrev/jacfwd/hessian, vmap, jit, jvp/vjp through the interpreter. Oracles: closed forms
// (Jacobian of A @ x is A; Hessian of x0^3 - 2 x0 x1 - x1^6), SEMANTICS §1.7 and §2.4 texts/rules.

import { strict as assert } from 'node:assert';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from './run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\n';
function repr(src: string): string {
  const r = runPython(PRELUDE + src);
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return (toTree(r.value!) as { repr: string }).repr;
}
function err(src: string): [string, string] {
  const r = runPython(PRELUDE + src);
  assert.ok(r.error, 'expected an error');
  return [r.error.pyType, r.error.message];
}

describe('jacobians', () => {
  it('jacfwd and jacrev of a linear map give the matrix', () => {
    const A = 'A = jnp.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\n';
    const want = 'Array([[1., 2.],\n       [3., 4.],\n       [5., 6.]], dtype=float32)';
    assert.equal(repr(A + 'jax.jacfwd(lambda x: A @ x)(jnp.array([0.5, -1.0]))'), want);
    assert.equal(repr(A + 'jax.jacrev(lambda x: A @ x)(jnp.array([0.5, -1.0]))'), want);
  });
  it('hessian of x0^3 - 2 x0 x1 - x1^6 at (1, 2)', () => {
    assert.equal(
      repr('jax.hessian(lambda x: x[0]**3 - 2*x[0]*x[1] - x[1]**6)(jnp.array([1.0, 2.0]))'),
      'Array([[   6.,   -2.],\n       [  -2., -480.]], dtype=float32)',
    );
  });
  it('jacfwd follows the output dtype, jacrev the input (weak) dtype', () => {
    assert.equal(repr('jax.jacfwd(lambda x: x * jnp.float32(2.0))(1.0)'), 'Array(2., dtype=float32)');
    assert.equal(repr('jax.jacrev(lambda x: x * jnp.float32(2.0))(1.0)'), 'Array(2., dtype=float32, weak_type=True)');
  });
  it('jacfwd rejects integer inputs; hessian reports jacfwd', () => {
    assert.match(err('jax.hessian(lambda x: jnp.sum(x ** 2.0))(jnp.array([1, 2]))')[1], /^jacfwd requires real-valued inputs/);
  });
});

describe('vmap', () => {
  it('maps over axis 0 and matches a per-example loop', () => {
    assert.equal(repr('jax.vmap(lambda x: jnp.sum(x ** 2))(jnp.array([[1.0, 2.0], [3.0, 4.0]]))'), 'Array([ 5., 25.], dtype=float32)');
  });
  it('per-example gradients with in_axes=(None, 0)', () => {
    assert.equal(
      repr('w = jnp.array([1.0, 2.0])\nxs = jnp.array([[1.0, 0.0], [0.0, 1.0]])\njax.vmap(jax.grad(lambda w, x: jnp.dot(w, x) ** 2), in_axes=(None, 0))(w, xs)'),
      'Array([[2., 0.],\n       [0., 4.]], dtype=float32)',
    );
  });
  it('errors of SEMANTICS §1.7', () => {
    assert.deepEqual(err('jax.vmap(lambda x: x)(1.0)'), [
      'ValueError',
      'vmap was requested to map its argument along axis 0, which implies that its rank should be at least 1, but is only 0 (its shape is ())',
    ]);
    assert.deepEqual(err("jax.vmap(lambda x: x['a'], in_axes={'a': 0})")[0], 'TypeError');
    assert.deepEqual(err('jax.vmap(lambda a, b: a + b)(jnp.ones(2), jnp.ones(3))'), [
      'ValueError',
      'vmap got inconsistent sizes for array axes to be mapped:\n  * one axis had size 2: axis 0 of argument a of type float32[2];\n  * one axis had size 3: axis 0 of argument b of type float32[3]',
    ]);
  });
});

describe('jit, jvp, vjp', () => {
  it('jit of grad and grad of jit', () => {
    assert.equal(repr('jax.jit(jax.grad(lambda x: x * x))(2.0)'), 'Array(4., dtype=float32, weak_type=True)');
    assert.equal(repr('jax.grad(jax.jit(lambda x: x * x))(1.0)'), 'Array(2., dtype=float32, weak_type=True)');
  });
  it('bool() of a jit tracer raises TracerBoolConversionError', () => {
    const [type, message] = err('def f(x):\n    if x > 0:\n        return x\n    return -x\njax.jit(f)(1.0)');
    assert.equal(type, 'TracerBoolConversionError');
    assert.ok(message.startsWith('Attempted boolean conversion of traced array with shape bool[].'));
  });
  it('jvp and vjp of a product', () => {
    const r = runPython(PRELUDE + 'y, f = jax.vjp(lambda x, y: x * y, 2.0, 3.0)\nf(1.0)');
    const t = toTree(r.value!) as { tuple: { value: number }[] };
    assert.deepEqual(t.tuple.map((l) => l.value), [3, 2]);
    assert.equal(repr('jax.jvp(jnp.sin, (0.0,), (1.0,))[1]'), 'Array(1., dtype=float32, weak_type=True)');
  });
});

describe('custom_jvp and custom_vjp', () => {
  it('a custom JVP rule replaces the derivative, in grad and grad of grad', () => {
    const src =
      '@jax.custom_jvp\ndef f(x):\n    return jnp.sin(x)\n\n@f.defjvp\ndef f_jvp(primals, tangents):\n    x, = primals\n    t, = tangents\n    return f(x), 10.0 * t\n\n';
    assert.equal(repr(src + 'jax.grad(f)(1.0)'), 'Array(10., dtype=float32, weak_type=True)');
    assert.equal(repr(src + 'jax.grad(jax.grad(f))(1.0)'), 'Array(0., dtype=float32, weak_type=True)');
  });
  it('defjvps sums per-argument rules', () => {
    const src = '@jax.custom_jvp\ndef g(x, y):\n    return x * y\ng.defjvps(lambda t, ans, x, y: 3.0 * t, None)\n';
    assert.equal(repr(src + 'jax.grad(g, argnums=(0, 1))(2.0, 5.0)[0]'), 'Array(3., dtype=float32, weak_type=True)');
    assert.equal(repr(src + 'jax.grad(g, argnums=(0, 1))(2.0, 5.0)[1]'), 'Array(0., dtype=float32, weak_type=True)');
  });
  it('custom_vjp gradient clipping (the JAX docs example)', () => {
    const src =
      '@jax.custom_vjp\ndef clip_gradient(x):\n    return x\n\ndef fwd(x):\n    return x, None\n\ndef bwd(res, g):\n    return (jnp.clip(g, -0.5, 0.5),)\n\nclip_gradient.defvjp(fwd, bwd)\n';
    assert.equal(repr(src + 'jax.grad(lambda x: 2.0 * clip_gradient(x))(3.0)'), 'Array(0.5, dtype=float32, weak_type=True)');
  });
});

describe('lax control flow with concrete control values', () => {
  it('fori_loop of v * x three times: d/dx x^3 at 2 is 12', () => {
    assert.equal(repr('jax.grad(lambda x: jax.lax.fori_loop(0, 3, lambda i, v: v * x, 1.0))(2.0)'), 'Array(12., dtype=float32, weak_type=True)');
  });
  it('scan returns (carry, stacked ys): running sum of 0..3', () => {
    // The ys are the weak initial carry's values: JAX promotes a weak carry only when its dtype
    // differs from the body's output (_promote_weak_typed_inputs uses core.typematch, which
    // ignores weak_type), so the body is traced with a weak float32 c and y = c stays weak.
    assert.equal(repr('jax.lax.scan(lambda c, x: (c + x, c), 0.0, jnp.arange(4.0))[1]'), 'Array([0., 0., 1., 3.], dtype=float32, weak_type=True)');
  });
  it('cond picks the branch by the concrete predicate under grad', () => {
    assert.equal(repr('jax.grad(lambda x: jax.lax.cond(x > 0, lambda y: y ** 2, lambda y: -y, x))(3.0)'), 'Array(6., dtype=float32, weak_type=True)');
  });
});
