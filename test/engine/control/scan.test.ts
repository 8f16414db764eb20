// lax.scan as one primitive, and fori_loop / lax.map built on it. Oracles: closed forms (the
// scan of c·a over n steps is aⁿ·c, its derivatives n·aⁿ⁻¹·c and n(n-1)·aⁿ⁻²·c; the sum of a
// running sum of xs has gradient [n, n-1, ..., 1]), forward vs reverse mode, and JAX's
// loops.py: the body is traced once (a print runs once), reverse scans run backwards, fori_loop
// with static bounds is a scan (reverse mode works), and its errors' texts.
import * as assert from 'node:assert/strict';
import { num, raises, repr, run } from './helpers';

const POWER = 'p = lambda a, n: lax.scan(lambda c, _: (c * a, c), 1.5, None, length=n)[0]\n';

describe('lax.scan: values and derivatives', () => {
  it('the scan of c·a over n steps is aⁿ·c (1.5·2³ = 12), eagerly and under jit', () => {
    assert.equal(num(POWER + 'p(2.0, 3)'), 12);
    assert.equal(num(POWER + 'jax.jit(p, static_argnums=1)(2.0, 3)'), 12);
  });

  it('its derivative is n·aⁿ⁻¹·c (18) in reverse and forward mode, and the second n(n-1)·aⁿ⁻²·c (18)', () => {
    assert.equal(num(POWER + 'jax.grad(p)(2.0, 3)'), 18);
    assert.equal(num(POWER + 'jax.jvp(lambda a: p(a, 3), (2.0,), (1.0,))[1]'), 18);
    assert.equal(num(POWER + 'jax.grad(jax.grad(p))(2.0, 3)'), 18);
    assert.equal(num(POWER + 'jax.jit(jax.grad(p), static_argnums=1)(2.0, 3)'), 18);
    assert.equal(num(POWER + 'jax.grad(p)(2.0, 0)'), 0);
  });

  it('ys stack the carry entering each step; reverse=True runs from the end', () => {
    const cum = 'xs = jnp.array([1.0, 2.0, 3.0])\ncum = lambda c, x: (c + x, c + x)\n';
    assert.equal(repr(cum + 'lax.scan(cum, 0.0, xs)[1]'), 'Array([1., 3., 6.], dtype=float32)');
    assert.equal(repr(cum + 'lax.scan(cum, 0.0, xs, reverse=True)[1]'), 'Array([6., 5., 3.], dtype=float32)');
  });

  it('the gradient of the sum of a running sum is [n, n-1, ..., 1] (and [1, ..., n] reversed)', () => {
    const f = 'def f(xs, rev):\n    return lax.scan(lambda c, x: (c + x, c + x), 0.0, xs, reverse=rev)[1].sum()\nxs = jnp.arange(4.0)\n';
    assert.equal(repr(f + 'jax.grad(f)(xs, False)'), 'Array([4., 3., 2., 1.], dtype=float32)');
    assert.equal(repr(f + 'jax.grad(f)(xs, True)'), 'Array([1., 2., 3., 4.], dtype=float32)');
  });

  it('reverse mode agrees with forward mode on a nonlinear body (jacrev = jacfwd)', () => {
    const f = 'def f(xs):\n    c, ys = lax.scan(lambda c, x: (c * jnp.sin(x) + x, c * x), 0.5, xs)\n    return jnp.concatenate([ys, c[None]])\nxs = jnp.array([0.3, -1.2, 2.0])\n';
    assert.equal(repr(f + 'jnp.allclose(jax.jacrev(f)(xs), jax.jacfwd(f)(xs), atol=1e-6)'), 'Array(True, dtype=bool)');
  });

  it('vmap of scan is the scan of each example; grad of vmap and vmap of grad agree with the closed form', () => {
    assert.equal(repr(POWER + 'jax.vmap(lambda a: p(a, 2))(jnp.array([1.0, 2.0, 3.0]))'), 'Array([ 1.5,  6. , 13.5], dtype=float32)');
    // d/da 1.5·a² = 3a.
    assert.equal(repr(POWER + 'jax.vmap(jax.grad(lambda a: p(a, 2)))(jnp.array([1.0, 2.0]))'), 'Array([3., 6.], dtype=float32)');
    assert.equal(repr(POWER + 'jax.grad(lambda a: jax.vmap(lambda b: p(b, 2))(a).sum())(jnp.array([1.0, 2.0]))'), 'Array([3., 6.], dtype=float32)');
  });

  it('vmap over the xs of a scan (batched on a later axis) gives per-example running sums', () => {
    const src = 'jax.vmap(lambda xs: lax.scan(lambda c, x: (c + x, c + x), 0.0, xs)[1], in_axes=1)(jnp.array([[1.0, 10.0], [2.0, 20.0]]))';
    assert.equal(repr(src), 'Array([[ 1.,  3.],\n       [10., 30.]], dtype=float32)');
  });
});

describe('lax.scan: tracing and errors', () => {
  it('traces the body once: a print in it runs once for every length', () => {
    const src = 'def body(c, x):\n    print("step")\n    return c + x, c\nlax.scan(body, 0.0, jnp.arange(5.0))\n';
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['step']);
  });

  it('Python control flow on a traced value in the body names the body and the argument, "for scan"', () => {
    const r = run('def body(c, x):\n    return (c, x) if x > 0 else (c, -x)\nlax.scan(body, 0.0, jnp.arange(3.0))\n');
    assert.equal(r.error?.pyType, 'TracerBoolConversionError');
    assert.match(r.error!.message, /tracing the function body at .*:4 for scan\. .* depends on the value of the argument x\.\n/);
    const f = run('lax.fori_loop(0, 3, lambda i, v: v if i > 0 else -v, 1.0)\n');
    assert.match(f.error!.message, /tracing the function <lambda> at .*:4 for scan\. .* depends on the value of the argument loop_carry\[0\]\.\n/);
  });

  it('promotes a weakly typed initial carry to the body\'s dtype, tracing the body again (JAX\'s two passes)', () => {
    const src = 'def body(c, x):\n    print("trace")\n    return c + x, None\nlax.scan(body, 0, jnp.arange(3.0))[0]\n';
    assert.equal(repr(src), 'Array(3., dtype=float32)');
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['trace', 'trace']);
  });

  it('the carry keeps the body\'s output type; a strongly typed carry of another dtype raises JAX\'s TypeError', () => {
    raises(
      'lax.scan(lambda c, x: (c.astype(jnp.int32), x), jnp.float32(0), jnp.arange(3.0))',
      'TypeError',
      'scan body function carry input and carry output must have equal types (e.g. shapes and dtypes of arrays), but they differ:\n\n' +
        'The input carry c has type float32[] but the corresponding output carry component has type int32[], so the dtypes do not match.\n\n' +
        'Revise the function so that all output types (e.g. shapes and dtypes) match the corresponding input types.',
    );
    raises(
      'lax.scan(lambda carry, x: ((carry[0], carry[1] * jnp.ones(2)), x), (1.0, jnp.float32(2)), jnp.arange(3.0))',
      'TypeError',
      'scan body function carry input and carry output must have equal types (e.g. shapes and dtypes of arrays), but they differ:\n\n' +
        'The input carry component carry[1] has type float32[] but the corresponding output carry component has type float32[2], so the shapes do not match.\n\n' +
        'Revise the function so that all output types (e.g. shapes and dtypes) match the corresponding input types.',
    );
  });

  it('checks the body output and the lengths like JAX', () => {
    raises('lax.scan(lambda c, x: c + x, jnp.float32(0), jnp.arange(3.0))', 'TypeError', 'scan body output must be a pair, got ShapedArray(float32[]).');
    raises('lax.scan(lambda c, x: (c, x), 0.0, jnp.arange(3.0), length=4)', 'ValueError', 'scan got `length` argument of 4 which disagrees with leading axis sizes [3].');
    raises('lax.scan(lambda c, x: (c, x), 0.0, (jnp.arange(3.0), jnp.arange(2.0)))', 'ValueError', 'scan got values with different leading axis sizes: 3, 2.');
    raises('lax.scan(lambda c, x: (c, x), 0.0)', 'ValueError', 'scan got no values to scan over and `length` not provided.');
    raises('lax.scan(lambda c, x: (c, x), 0.0, 1.5)', 'ValueError', 'scan got value with no leading axis to scan over: 1.5.');
    const r = run('jax.jit(lambda n: lax.scan(lambda c, _: (c + 1, None), 0, None, length=n))(3)\n');
    assert.equal(r.error?.pyType, 'ConcretizationTypeError');
    assert.match(r.error!.message, /^Abstract tracer value encountered where concrete value is expected: traced array with shape int32\[\]\nThe `length` argument to `scan` expects a concrete `int` value\./);
  });
});

describe('fori_loop and lax.map on scan', () => {
  const F = 'def f(x, n):\n    return lax.fori_loop(0, n, lambda i, v: v * x, 1.0)\n';

  it('fori_loop with static bounds is reverse-differentiable: d/dx x³ = 3x² (12 at 2)', () => {
    assert.equal(num(F + 'jax.grad(f)(2.0, 3)'), 12);
    assert.equal(num(F + 'jax.grad(jax.grad(f))(2.0, 3)'), 12);
  });

  it('JAX caches its scan body per body function: a def reused across calls is traced once', () => {
    const src = 'def body(i, v):\n    print("b")\n    return v + 1.0\nlax.fori_loop(0, 3, body, 0.0)\nlax.fori_loop(0, 5, body, 1.0)\n';
    assert.equal(repr(src), 'Array(6., dtype=float32, weak_type=True)');
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['b']);
  });

  it('its body is traced once, with a weakly typed int32 loop index', () => {
    const src = 'def body(i, v):\n    print(i)\n    return v + i\nlax.fori_loop(0, 4, body, 0.0)\n';
    // A weak float carry plus a weak int index stays weak.
    assert.equal(repr(src), 'Array(6., dtype=float32, weak_type=True)');
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['JitTracer<~int32[]>']);
  });

  it('with traced bounds it is a while loop: reverse mode raises JAX\'s ValueError', () => {
    raises(
      F + 'jax.grad(jax.jit(f))(2.0, 3)',
      'ValueError',
      'Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop with dynamic start/stop values. ' +
        'Try using lax.scan, or using fori_loop with static start/stop.',
    );
  });

  it('its carry errors name the loop carry as JAX\'s scan body sees it', () => {
    raises(
      'lax.fori_loop(0, 3, lambda i, x: x.astype(jnp.int32), jnp.float32(1))',
      'TypeError',
      'scan body function carry input and carry output must have equal types (e.g. shapes and dtypes of arrays), but they differ:\n\n' +
        'The input carry component loop_carry[1] has type float32[] but the corresponding output carry component has type int32[], so the dtypes do not match.\n\n' +
        'Revise the function so that all output types (e.g. shapes and dtypes) match the corresponding input types.',
    );
  });

  it('checks the bound dtypes like JAX (a weak int bound yields to the other)', () => {
    raises('lax.fori_loop(jnp.int32(0), jnp.int16(3), lambda i, v: v, 0.0)', 'TypeError', 'lower and upper arguments to fori_loop must have equal types, got int32 and int16');
    assert.equal(num('lax.fori_loop(0, jnp.int16(3), lambda i, v: v + 1.0, 0.0)'), 3);
  });

  it('lax.map stacks f over the leading axis, tracing f once', () => {
    const src = 'def g(x):\n    print("g")\n    return x * x\nlax.map(g, jnp.arange(4.0))\n';
    assert.equal(repr(src), 'Array([0., 1., 4., 9.], dtype=float32)');
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['g']);
    assert.equal(repr('jax.grad(lambda x: lax.map(jnp.sin, x).sum())(jnp.zeros(2))'), 'Array([1., 1.], dtype=float32)');
  });

  it('lax.map with batch_size runs vmap(f) on batches and on the remainder (the docstring\'s example)', () => {
    const src = "def f(x):\n    print('inner shape:', x.shape)\n    return x + 1\ny = lax.map(f, jnp.ones((10, 3, 4)), batch_size=3)\ny.shape\n";
    assert.equal(repr(src), '(10, 3, 4)');
    assert.deepEqual(run(src).output.join('').split('inner shape:').length - 1, 2);
    assert.equal(repr('lax.map(lambda x: x * 2, jnp.arange(7.0), batch_size=2)'), 'Array([ 0.,  2.,  4.,  6.,  8., 10., 12.], dtype=float32)');
  });
});
