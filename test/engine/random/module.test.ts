// The jax.random module as Python code sees it: imports, typed and raw keys (reprs from JAX's
// docs and prng.py's __repr__), JAX's error texts (jax/_src/random.py, prng.py, dtypes.py and
// the KeyArrayTest/test_errors expectations of tests/random_test.py), transformations (vmap of
// a per-key function equals the loop over keys, as vmap's contract says; jit equals eager), and
// the samplers not computed yet raising NotImplementedError.

import { strict as assert } from 'node:assert';
import { pyRepr } from '../../../src/engine/interp/protocol';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from '../jax/run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\nfrom jax import random\nkey = random.key(0)\n';

function repr(src: string): string {
  const r = runPython(PRELUDE + src);
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return pyRepr(r.value!);
}
function value(src: string, x64 = false): unknown {
  const r = runPython(PRELUDE + src, { x64 });
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return (toTree(r.value!) as { value: unknown }).value;
}
function error(src: string): string {
  const r = runPython(PRELUDE + src);
  assert.ok(r.error, `expected an error from ${src}`);
  return `${r.error.pyType}: ${r.error.message}`;
}

describe('jax.random: keys', () => {
  it('is importable in the three usual ways', () => {
    assert.equal(repr('import jax.random as jr\njr is jax.random'), 'True');
    assert.equal(repr('from jax import random as r2\nr2 is random'), 'True');
  });

  it('prints typed keys as JAX does (Array(shape, dtype=key<fry>) overlaying: data)', () => {
    assert.equal(repr('key'), 'Array((), dtype=key<fry>) overlaying:\n[0 0]');
    assert.equal(repr('random.PRNGKey(0)'), 'Array([0, 0], dtype=uint32)');
    assert.equal(repr('random.key(42)'), 'Array((), dtype=key<fry>) overlaying:\n[ 0 42]');
    assert.equal(repr('random.key(0).dtype'), 'key<fry>');
    assert.equal(repr('random.split(key, (2, 3)).shape'), '(2, 3)');
    assert.match(repr('random.split(key, 2)'), /^Array\(\(2,\), dtype=key<fry>\) overlaying:\n\[\[/);
  });

  it('unpacks, indexes and compares key arrays like arrays of keys', () => {
    assert.equal(repr('k1, k2 = random.split(key)\nk1.shape, k2.ndim, len(random.split(key, 3))'), '((), 0, 3)');
    assert.equal(repr('random.key_data(random.split(key, 3)[1]).shape'), '(2,)');
    assert.equal(repr('ks = random.split(key, 3)\nks == ks'), 'Array([ True,  True,  True], dtype=bool)');
    assert.equal(repr('random.wrap_key_data(random.key_data(key)) == key'), 'Array(True, dtype=bool)');
  });

  it('reports a key value with its own repr (the TREE encoding of report.ts)', () => {
    const r = runPython(`${PRELUDE}key`);
    assert.deepEqual(toTree(r.value!), { python: 'PRNGKeyArray', value: 'Array((), dtype=key<fry>) overlaying:\n[0 0]' });
  });

  it('key_impl names the implementation; clone returns the same key', () => {
    assert.equal(repr('random.key_impl(key)'), "'threefry2x32'");
    assert.equal(repr('random.clone(key) == key'), 'Array(True, dtype=bool)');
  });

  it('keeps raw (legacy) keys raw and typed keys typed', () => {
    assert.equal(repr('random.split(random.PRNGKey(0)).dtype'), "dtype('uint32')");
    assert.equal(repr('random.fold_in(key, 3).dtype'), 'key<fry>');
  });

  it('raises JAX\'s errors for bad keys, seeds and arguments', () => {
    assert.equal(error('key + 1'), 'ValueError: dtype=key<fry> is not a valid dtype for JAX type promotion.');
    assert.match(error('key + key'), /^TypeError: add does not accept dtype key<fry>/);
    assert.match(error('-key'), /^TypeError: neg does not accept dtype key<fry>/);
    assert.equal(
      error('random.normal(random.split(key))'),
      'ValueError: normal accepts a single key, but was given a key array of shape (2,) != (). Use jax.vmap for batching.',
    );
    assert.equal(
      error('random.fold_in(key, jnp.array([1, 2]))'),
      'TypeError: fold_in accepts a scalar, but was given an array ofshape (2,) != (). Use jax.vmap for batching.',
    );
    assert.match(error('random.PRNGKey(3.14)'), /^TypeError: PRNG key seed must be an integer/);
    assert.match(error('random.key(jnp.arange(4))'), /^TypeError: key accepts a scalar seed, but was given an array of shape \(4,\)/);
    assert.equal(error('random.key(key)'), 'TypeError: key accepts a scalar seed, but was given a PRNG key.');
    assert.match(error('random.bits(key, (3, 4), jnp.int8)'), /^ValueError: dtype argument to `bits` must be an unsigned int dtype/);
    assert.match(error('random.uniform(key, dtype=jnp.int32)'), /^ValueError: dtype argument to `uniform` must be a float dtype/);
    assert.match(error('random.normal(key, dtype=jnp.int32)'), /^ValueError: dtype argument to `normal` must be a float or complex dtype/);
    assert.equal(error('random.bernoulli(key, 1)'), 'TypeError: bernoulli probability `p` must have a floating dtype, got int32.');
    assert.equal(error('random.uniform([1, 2])'), "TypeError: unexpected PRNG key type <class 'list'>");
    assert.match(error('random.uniform(jnp.zeros(3, dtype=jnp.uint32))'), /^TypeError: JAX encountered invalid PRNG key data: expected key_data.shape to end with \(2,\)/);
    assert.match(error('random.randint(key, (3,), jnp.array([0, 10]), 5)'), /^ValueError: Incompatible shapes for broadcasting/);
    assert.equal(error('random.split(key, -2)'), 'ValueError: negative dimensions are not allowed');
  });

  it('names the samplers it does not compute yet', () => {
    for (const name of ['truncated_normal', 'gamma', 'categorical', 'shuffle']) {
      assert.equal(error(`random.${name}(key, 3)`), `NotImplementedError: Grad Lens does not evaluate jax.random.${name} yet`);
    }
    // 64-bit draws exceed the engine's exact uint64 range (2**53): refused, never rounded.
    const r = runPython(`${PRELUDE}random.bits(key)`, { x64: true });
    assert.equal(r.error?.pyType, 'NotImplementedError');
  });
});

describe('jax.random: permutation and choice', () => {
  it('permute rows together, or one axis, and keep every element once', () => {
    const rows = value('random.permutation(random.key(1), jnp.arange(6).reshape(3, 2))') as number[][];
    const order = value('random.permutation(random.key(1), 3)') as number[];
    assert.deepEqual(rows, order.map((r) => [2 * r, 2 * r + 1]));
    const cols = value('random.permutation(random.key(1), jnp.arange(6).reshape(2, 3), axis=1)') as number[][];
    assert.deepEqual(cols, [order, order.map((c) => c + 3)]);
    const p = value('random.permutation(random.key(7), 50)') as number[];
    assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  });

  it('choice without replacement is a prefix of the permutation (as JAX builds it)', () => {
    assert.deepEqual(value('random.choice(random.key(4), 10, (4,), replace=False)'), (value('random.permutation(random.key(4), 10)') as number[]).slice(0, 4));
  });

  it('raises JAX\'s errors', () => {
    assert.equal(error('random.permutation(key, 10, axis=3)'), 'ValueError: axis 3 is out of bounds for array of dimension 1');
    assert.equal(error('random.permutation(key, 10.)'), 'TypeError: x must be an integer or at least 1-dimensional');
    assert.equal(
      error('random.choice(key, 3, (5,), replace=False)'),
      "ValueError: Cannot take a larger sample (size 5) than population (size 3) when 'replace=False'",
    );
    assert.equal(error('random.choice(key, 3, 5)'), 'TypeError: shape argument of jax.random.choice must be a sequence, got 5');
    assert.equal(error('random.choice(key, 3, (2,), p=jnp.ones(3) / 3)'), 'NotImplementedError: Grad Lens does not evaluate jax.random.choice with probabilities p yet');
  });
});

describe('jax.random: samplers', () => {
  it('fill the requested shape and dtype, in the half-open ranges', () => {
    const u = value('random.uniform(key, (1000,), minval=-2.0, maxval=3.0)') as number[];
    assert.ok(u.every((x) => x >= -2 && x < 3));
    const i = value('random.randint(key, (1000,), -3, 4)') as number[];
    assert.ok(i.every((x) => Number.isInteger(x) && x >= -3 && x < 4));
    assert.deepEqual(new Set(i).size, 7);
    assert.equal(repr('random.randint(key, (2,), 5, 5)'), 'Array([5, 5], dtype=int32)');
    assert.equal(repr('random.normal(key, (2, 3)).shape, random.bits(key, (4,), jnp.uint8).dtype'), "((2, 3), dtype('uint8'))");
  });

  it('bernoulli p=0 is never true and p=1 always (u < p with u in [0, 1))', () => {
    assert.deepEqual(value('random.bernoulli(key, 0.0, (50,))'), new Array(50).fill(false));
    assert.deepEqual(value('random.bernoulli(key, 1.0, (50,))'), new Array(50).fill(true));
    assert.equal(repr('random.bernoulli(key, jnp.array([0.2, 0.9])).shape'), '(2,)');
  });

  it('uses 64-bit floats and the full mantissa under x64', () => {
    assert.equal(repr('random.uniform(key).dtype'), "dtype('float32')");
    const r = runPython(`${PRELUDE}random.uniform(key, (200,))`, { x64: true });
    const t = toTree(r.value!) as { dtype: string; value: number[] };
    assert.equal(t.dtype, 'float64');
    // Some draw needs more than float32's 24 bits of mantissa.
    assert.ok(t.value.some((x) => Math.fround(x) !== x));
  });
});

describe('jax.random under transformations', () => {
  it('vmap over split keys equals the loop over them', () => {
    assert.deepEqual(
      value('jax.vmap(lambda k: random.normal(k, (2,)))(random.split(key, 4))'),
      value('jnp.stack([random.normal(k, (2,)) for k in random.split(key, 4)])'),
    );
    assert.deepEqual(
      value('random.key_data(jax.vmap(lambda i: random.fold_in(key, i))(jnp.arange(3)))'),
      value('random.key_data(random.split(key, 3))'),
    );
  });

  it('jit gives the eager values', () => {
    assert.deepEqual(value('jax.jit(lambda k: random.uniform(k, (3,)))(key)'), value('random.uniform(key, (3,))'));
    assert.deepEqual(value('jax.jit(lambda k: random.key_data(random.split(k)))(key)'), value('random.key_data(random.split(key))'));
  });

  it('grad flows through minval/maxval: d/da sum(a + u (b - a)) = sum(1 - u)', () => {
    const u = value('random.uniform(key, (3,))') as number[];
    const g = value('jax.grad(lambda a: jnp.sum(random.uniform(key, (3,), minval=a, maxval=2.0)))(0.5)') as number;
    const expected = u.reduce((s, x) => s + (1 - x), 0);
    assert.ok(Math.abs(g - expected) < 1e-5, `${g} vs ${expected}`);
    assert.equal(value('jax.grad(lambda mu: jnp.sum(mu + random.normal(key, (3,))))(1.0)'), 3);
  });

  it('refuses to differentiate with respect to a key', () => {
    assert.match(error('jax.grad(lambda k: 1.0)(key)'), /^TypeError: grad requires real- or complex-valued inputs/);
  });
});
