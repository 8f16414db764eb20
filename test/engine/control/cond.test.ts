// lax.cond and lax.switch as JAX's cond primitive. Oracles: closed-form derivatives of the
// branches, and JAX's conditionals.py: both branches are traced on every call, only the
// selected branch runs and is differentiated, a batched predicate becomes a select whose
// operands are guarded with stop_gradient (jax issue #1052), the output types are branch 0's
// (`_cond_abstract_eval` returns branches[0].out_avals; cond's branches are (false, true)),
// and the texts of `_check_tree_and_avals` and of the predicate/index checks.
import * as assert from 'node:assert/strict';
import { num, raises, repr, run } from './helpers';

const SAFE_SQRT = 'f = lambda x: lax.cond(x > 0, jnp.sqrt, lambda x: 0.0 * x, x)\n';

describe('lax.cond: only the selected branch is differentiated', () => {
  it('grad through jit of a cond whose untaken branch is NaN there gives the taken branch (0), not NaN', () => {
    assert.equal(num(SAFE_SQRT + 'jax.grad(jax.jit(f))(-1.0)'), 0);
    assert.equal(num(SAFE_SQRT + 'jax.grad(f)(-1.0)'), 0);
    assert.equal(num(SAFE_SQRT + 'jax.jit(jax.grad(f))(-1.0)'), 0);
  });

  it('the taken branch gives its derivative: d sqrt(x)/dx at 4 is 1/4', () => {
    assert.equal(num(SAFE_SQRT + 'jax.grad(jax.jit(f))(4.0)'), 0.25);
    assert.equal(num(SAFE_SQRT + 'jax.jit(jax.grad(f))(4.0)'), 0.25);
  });

  it('forward mode is the JVP of the taken branch: d sin/dx = cos, d cos/dx = -sin', () => {
    const g = 'g = lambda x: lax.cond(x > 0, jnp.sin, jnp.cos, x)\n';
    assert.equal(num(g + 'jax.jvp(g, (1.0,), (1.0,))[1]'), Math.fround(Math.cos(1)));
    assert.equal(num(g + 'jax.jvp(jax.jit(g), (-1.0,), (1.0,))[1]'), Math.fround(-Math.sin(-1)));
  });

  it('second derivatives: d²/dx² of x³ is 6x (12 at 2), of -x is 0', () => {
    const h = 'h = lambda x: lax.cond(x > 0, lambda y: y ** 3, lambda y: -y, x)\n';
    assert.equal(num(h + 'jax.grad(jax.grad(h))(2.0)'), 12);
    assert.equal(num(h + 'jax.grad(jax.grad(jax.jit(h)))(-2.0)'), 0);
  });

  it('a closed-over traced value is differentiated (d/da of a·x is x)', () => {
    const src = 'def k(a, x):\n    return lax.cond(x > 0, lambda y: a * y, lambda y: y, x)\n';
    assert.equal(num(src + 'jax.grad(k)(2.0, 3.0)'), 3);
    assert.equal(num(src + 'jax.grad(jax.jit(k))(2.0, 3.0)'), 3);
    assert.equal(num(src + 'jax.grad(k)(2.0, -3.0)'), 0);
  });

  it('under vmap with a batched predicate it selects per example; grad of it is guarded (no NaN)', () => {
    // 0.0 * -1.0 is -0.0.
    assert.equal(repr(SAFE_SQRT + 'jax.vmap(f)(jnp.array([4.0, -1.0]))'), 'Array([ 2., -0.], dtype=float32)');
    assert.equal(repr(SAFE_SQRT + 'jax.grad(lambda x: jax.vmap(f)(x).sum())(jnp.array([4.0, -1.0]))'), 'Array([0.25, 0.  ], dtype=float32)');
    assert.equal(repr(SAFE_SQRT + 'jax.vmap(jax.grad(f))(jnp.array([4.0, -1.0]))'), 'Array([0.25, 0.  ], dtype=float32)');
  });

  it('under vmap with an unbatched predicate it stays a cond of the batched branches', () => {
    const src = 'jax.vmap(lambda x: lax.cond(True, lambda y: y * 2, lambda y: y / 0.0, x))(jnp.array([1.0, 2.0]))';
    assert.equal(repr(src), 'Array([2., 4.], dtype=float32)');
  });
});

describe('lax.cond: tracing and types', () => {
  it('traces both branches on every call, eagerly too (true_fun first), and runs the taken one', () => {
    const src = 'def t(x):\n    print("t")\n    return x + 1\ndef e(x):\n    print("e")\n    return x - 1\nlax.cond(False, t, e, 1.0)\n';
    const r = run(src);
    assert.deepEqual(r.output.map((s) => s.trim()).filter(Boolean), ['t', 'e']);
    assert.equal(repr(src), 'Array(0., dtype=float32, weak_type=True)');
  });

  it('under jit the branches are traced once for the signature', () => {
    const src = 'def t(x):\n    print("t")\n    return x\ndef e(x):\n    print("e")\n    return x\nj = jax.jit(lambda x: lax.cond(x > 0, t, e, x))\nj(1.0)\nj(-1.0)\n';
    assert.deepEqual(run(src).output.map((s) => s.trim()).filter(Boolean), ['t', 'e']);
  });

  it('a function traced again with the same operand types reuses its jaxpr (JAX\'s weakref_lru_cache)', () => {
    // _initial_style_open_jaxpr is cached on (fun, in_tree, in_avals, debug_info): the same
    // def as both branches, or in a second call, is traced once; a new lambda is traced anew.
    const same = 'def t(x):\n    print("t")\n    return x\nlax.cond(True, t, t, 1.0)\nlax.cond(False, t, t, 2.0)\n';
    assert.deepEqual(run(same).output.map((s) => s.trim()).filter(Boolean), ['t']);
    const fresh = 'def f(v):\n    return lax.cond(True, lambda x: print("l") or x, lambda x: x, v)\nf(1.0)\nf(2.0)\n';
    assert.deepEqual(run(fresh).output.map((s) => s.trim()).filter(Boolean), ['l', 'l']);
    const retyped = 'def t(x):\n    print("t")\n    return x\nlax.cond(True, t, t, 1.0)\nlax.cond(True, t, t, 1)\n';
    assert.deepEqual(run(retyped).output.map((s) => s.trim()).filter(Boolean), ['t', 't']);
  });

  it('a branch is traced abstractly: Python control flow on an operand raises even eagerly, naming the branch', () => {
    const r = run('lax.cond(True, lambda x: x if x > 0 else -x, lambda x: x, 1.0)\n');
    assert.equal(r.error?.pyType, 'TracerBoolConversionError');
    // JAX's debug_info("cond", true_fun, operands): the branch, "for cond", the argument it depends on.
    assert.match(
      r.error!.message,
      /\nThe error occurred while tracing the function <lambda> at .*:4 for cond\. This concrete value was not available in Python because it depends on the value of the argument x\.\n/,
    );
  });

  it('the output types are branch 0\'s: false_fun for cond, branch 0 for switch', () => {
    assert.equal(repr('lax.cond(True, lambda: jnp.float32(1), lambda: 2.0)'), 'Array(1., dtype=float32, weak_type=True)');
    assert.equal(repr('lax.cond(True, lambda: 1.0, lambda: jnp.float32(2))'), 'Array(1., dtype=float32)');
    assert.equal(repr('lax.switch(1, [lambda: 1.0, lambda: jnp.float32(2)])'), 'Array(2., dtype=float32, weak_type=True)');
  });

  it('branch outputs of different types raise JAX\'s TypeError', () => {
    raises(
      'lax.cond(True, lambda x: x, lambda x: x.astype(jnp.int32), 1.0)',
      'TypeError',
      'true_fun output and false_fun output must have identical types, got\nDIFFERENT ShapedArray(float32[], weak_type=True) vs. ShapedArray(int32[]).',
    );
    raises(
      'lax.cond(True, lambda x: (x, x), lambda x: (x, x.astype(jnp.int32)), 1.0)',
      'TypeError',
      "true_fun output and false_fun output must have identical types, got\n('ShapedArray(float32[], weak_type=True)', 'DIFFERENT ShapedArray(float32[], weak_type=True) vs. ShapedArray(int32[])').",
    );
  });

  it('branch outputs of different structures raise JAX\'s TypeError', () => {
    raises(
      'lax.cond(True, lambda x: x, lambda x: (x, x), 1.0)',
      'TypeError',
      'true_fun output must have same type structure as false_fun output, but there are differences: \n' +
        '    * at output, true_fun output has pytree leaf and false_fun output has <class \'tuple\'>, so their Python types differ',
    );
    raises(
      'lax.switch(0, [lambda x: (x, x), lambda x: (x,)], 1.0)',
      'TypeError',
      'branch 0 output must have same type structure as branch 1 output, but there are differences: \n' +
        '    * at output, branch 0 output has tuple of length 2 and branch 1 output has tuple of length 1, so the lengths do not match',
    );
  });

  it('checks the predicate like JAX', () => {
    raises('lax.cond(jnp.array([True, False]), lambda: 1.0, lambda: 2.0)', 'TypeError', 'Pred must be a scalar, got [ True False] of shape (2,).');
    raises('lax.cond(None, lambda: 1.0, lambda: 2.0)', 'TypeError', 'cond predicate is None');
    raises('lax.cond(1j, lambda: 1.0, lambda: 2.0)', 'TypeError', 'Pred type must be either boolean or number, got complex64.');
    raises('lax.cond(True, 1.0, lambda: 2.0)', 'TypeError', 'lax.cond: true_fun and false_fun arguments should be callable.');
    assert.equal(repr('lax.cond(2, lambda: 1.0, lambda: 2.0)'), 'Array(1., dtype=float32, weak_type=True)');
  });

  it('keeps the old per-branch-operand form', () => {
    assert.equal(repr('lax.cond(False, 1.0, lambda a: a + 1, 10.0, lambda b: b * 2)'), 'Array(20., dtype=float32, weak_type=True)');
  });
});

describe('lax.switch', () => {
  it('clamps the index into range', () => {
    const s = 'b = [lambda x: x, lambda x: x * 2, lambda x: x * 3]\n';
    assert.equal(num(s + 'lax.switch(-3, b, 1.0)'), 1);
    assert.equal(num(s + 'lax.switch(1, b, 1.0)'), 2);
    assert.equal(num(s + 'lax.switch(9, b, 1.0)'), 3);
  });

  it('differentiates only the selected branch (d/dx of x·3 is 3)', () => {
    const s = 'g = lambda i, x: lax.switch(i, [jnp.log, lambda x: x * 2, lambda x: x * 3], x)\n';
    assert.equal(num(s + 'jax.grad(g, argnums=1)(2, -1.0)'), 3);
    assert.equal(num(s + 'jax.grad(jax.jit(g), argnums=1)(2, -1.0)'), 3);
  });

  it('checks the index like JAX', () => {
    raises('lax.switch(1.0, [lambda: 1.0, lambda: 2.0])', 'TypeError', 'Index type must be an integer, got 1.0 as float32');
    raises('lax.switch(jnp.array([0, 1]), [lambda: 1.0, lambda: 2.0])', 'TypeError', 'Branch index must be scalar, got [0 1] of shape (2,).');
    raises('lax.switch(0, [])', 'ValueError', 'Empty branch sequence');
    raises('lax.switch(0, [1.0])', 'TypeError', 'lax.switch: branches argument should be a sequence of callables.');
  });
});
