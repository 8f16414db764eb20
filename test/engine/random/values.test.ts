// jax.random's values against values JAX itself produced. Every number below is quoted from a
// source named next to it; none comes from our engine.
//
// * The original counter layout (jax_threefry_partitionable=False): JAX's tests/random_test.py
//   (testPRNGValues, testRngRandomBits, the threefry2x32 rows of _RANDOM_VALUES_CASES, whose
//   seeds are zlib.adler32(name + 'threefry2x32'), test_prng_seeds_and_keys). JAX skips these
//   when the flag is on, so they pin the hash, the seeding, the bit unpacking and the
//   bits -> float/int conversions.
// * The default layout (partitionable, JAX >= 0.5.0): JAX's test_threefry_split_fold_in_symmetry
//   property, the outputs printed by JAX's own docs for jax.experimental.random.stateful_rng
//   (rng.key() and rng.uniform() are fold_in(key(42), counter) then uniform) and its JEP
//   (stateful_rng(1701).random((5,))), Flax NNX's pytree guide (normal(fold_in(key(0), 0),
//   (4, 4)) through nnx.Rngs(0).param()), and an executed API notebook on recent JAX
//   (split(key(42)), normal/uniform(key(0), (3,)), randint(key(1), (5,), 0, 10), choice(key(2),
//   [10, 20, 30, 40], (3,)), permutation(key(3), arange(5))).

import { strict as assert } from 'node:assert';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from '../jax/run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\nfrom jax import random\n';
const ORIGINAL = 'jax.config.update("jax_threefry_partitionable", False)\n';

interface Leaf {
  value: unknown;
  dtype: string;
}
function run(src: string, x64 = false): Leaf {
  const r = runPython(PRELUDE + src, { x64 });
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return toTree(r.value!) as unknown as Leaf;
}
const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);

/** Exact float32 equality with numbers printed by JAX (shortest round-trip digits). */
function assertFloat32(actual: unknown, printed: number[]): void {
  assert.deepEqual(flat(actual), printed.map(Math.fround));
}
/** jtu's float32 tolerance for rows JAX quotes to 6 decimals. */
function assertClose(actual: unknown, expected: number[], tol = 1e-6): void {
  const a = flat(actual);
  assert.equal(a.length, expected.length);
  a.forEach((x, i) => assert.ok(Math.abs(x - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `${x} vs ${expected[i]} at ${i}`));
}

describe('jax.random, original layout (JAX tests/random_test.py)', () => {
  it('testPRNGValues: randint, split and fold_in from PRNGKey(0)', () => {
    const r = run(`${ORIGINAL}random.randint(random.PRNGKey(0), (3, 3), 0, 8)`);
    assert.equal(r.dtype, 'int32');
    assert.deepEqual(r.value, [[2, 1, 3], [6, 1, 5], [6, 3, 4]]);
    for (const make of ['random.PRNGKey', 'random.key']) {
      assert.deepEqual(run(`${ORIGINAL}random.key_data(random.split(${make}(0), 4))`).value, [
        [2285895361, 1501764800], [1518642379, 4090693311], [433833334, 4221794875], [839183663, 3740430601],
      ]);
      assert.deepEqual(run(`${ORIGINAL}random.key_data(random.fold_in(${make}(0), 4))`).value, [2285895361, 433833334]);
    }
  });

  it('testPRNGValues under x64: randint int64 (exact 64-bit arithmetic), also the default dtype', () => {
    for (const dt of [', dtype="int64"', '']) {
      const r = run(`${ORIGINAL}random.randint(random.PRNGKey(0), (3, 3), 0, 8${dt})`, true);
      assert.equal(r.dtype, 'int64');
      assert.deepEqual(r.value, [[7, 2, 6], [2, 1, 0], [6, 7, 7]]);
    }
  });

  it('testRngRandomBits: 8, 16 and 32 bits from PRNGKey(1701)', () => {
    const bits = (dt: string) => run(`${ORIGINAL}random.bits(random.PRNGKey(1701), (3,), jnp.${dt})`);
    assert.deepEqual(bits('uint8').value, [216, 115, 43]);
    assert.deepEqual(bits('uint16').value, [41682, 1300, 55017]);
    assert.deepEqual(bits('uint32').value, [56197195, 4200222568, 961309823]);
  });

  it('_RANDOM_VALUES_CASES (threefry2x32 rows, x64 off)', () => {
    const bits = (dt: string) => run(`${ORIGINAL}random.bits(random.key(942802475), shape=(5,), dtype=jnp.${dt})`).value;
    assert.deepEqual(bits('uint8'), [10, 158, 82, 54, 158]);
    assert.deepEqual(bits('uint16'), [6738, 38161, 50695, 57337, 61600]);
    assert.deepEqual(bits('uint32'), [1978747883, 4134381225, 3628107870, 689687174, 2788938207]);
    assertClose(run(`${ORIGINAL}random.uniform(random.key(1338574713), shape=(5,), dtype=jnp.float32)`).value, [
      0.298671, 0.073213, 0.873356, 0.260549, 0.412797,
    ]);
    assertClose(run(`${ORIGINAL}random.normal(random.key(1193674498), shape=(5,), dtype=jnp.float32)`).value, [
      -1.173234, -1.511662, 0.070593, -0.099764, 1.052845,
    ]);
    assert.deepEqual(run(`${ORIGINAL}random.randint(random.key(1319372649), minval=0, maxval=10, shape=(5,), dtype=jnp.int32)`).value, [
      0, 5, 7, 7, 5,
    ]);
    assert.deepEqual(run(`${ORIGINAL}random.bernoulli(random.key(1612777541), p=0.5, shape=(5,))`).value, [
      false, true, true, true, false,
    ]);
    assert.deepEqual(run(`${ORIGINAL}random.rademacher(random.key(1719994501), shape=(5,), dtype=jnp.int32)`).value, [-1, -1, -1, -1, 1]);
  });
});

describe('jax.random seeds (test_prng_seeds_and_keys; the same in both layouts)', () => {
  const rows: [string, number[], number[]][] = [
    // seed expression, key data with x64 off, key data with x64 on
    ['0', [0, 0], [0, 0]],
    ['jnp.int32(1)', [0, 1], [0, 1]],
    ['jnp.uint32(2)', [0, 2], [0, 2]],
    ['jnp.int64(3)', [0, 3], [0, 3]],
    ['-1', [0, 4294967295], [4294967295, 4294967295]],
    ['jnp.int32(-2)', [0, 4294967294], [0, 4294967294]],
    ['jnp.int64(-3)', [0, 4294967293], [4294967295, 4294967293]],
    ['2147483647 + 100', [0, 2147483747], [0, 2147483747]],
    ['-2147483648 - 100', [0, 2147483548], [4294967295, 2147483548]],
  ];
  for (const [seed, x32, x64] of rows) {
    it(`seed ${seed}`, () => {
      for (const make of ['random.PRNGKey', 'random.key']) {
        const src = `random.key_data(${make}(${seed}))`;
        assert.deepEqual(run(src).value, x32);
        assert.deepEqual(run(src, true).value, x64);
      }
    });
  }
});

describe('jax.random, default partitionable layout', () => {
  it('fold_in(key, i) equals split(key, 3)[i] (JAX test_threefry_split_fold_in_symmetry)', () => {
    const folded = run('jnp.stack([random.key_data(random.fold_in(random.key(72), i)) for i in range(3)])').value;
    const split = run('random.key_data(random.split(random.key(72), 3))').value;
    assert.deepEqual(folded, split);
  });

  it('split(key(42)) (executed API notes, recent JAX)', () => {
    assert.deepEqual(run('random.key_data(random.split(random.key(42)))').value, [
      [1832780943, 270669613], [64467757, 2916123636],
    ]);
  });

  it('normal, uniform and randint (executed API notes, recent JAX)', () => {
    assertFloat32(run('random.normal(random.key(0), shape=(3,))').value, [1.6226422, 2.0252647, -0.43359444]);
    assertFloat32(run('random.normal(random.key(0), shape=(2,))').value, [1.6226422, 2.0252647]);
    assertFloat32(run('random.uniform(random.key(0), shape=(3,))').value, [0.947667, 0.9785799, 0.33229148]);
    assert.deepEqual(run('random.randint(random.key(1), shape=(5,), minval=0, maxval=10)').value, [6, 7, 0, 3, 8]);
  });

  it('choice and permutation (executed API notes, recent JAX)', () => {
    assert.deepEqual(run('random.choice(random.key(2), jnp.array([10, 20, 30, 40]), shape=(3,))').value, [40, 10, 20]);
    assert.deepEqual(run('random.permutation(random.key(3), jnp.arange(5))').value, [0, 4, 2, 1, 3]);
  });

  it('stateful_rng(42) docstring: uniform and keys of fold_in(key(42), n)', () => {
    const k = 'random.fold_in(random.key(42), ';
    assertFloat32(run(`jnp.stack([random.uniform(${k}i)) for i in range(4)])`).value, [0.5302608, 0.72766423, 0.6672406, 0.3890121]);
    assert.deepEqual(run(`random.key_data(${k}4))`).value, [2954079971, 3276725750]);
    assert.deepEqual(run(`random.key_data(${k}5))`).value, [2765691542, 824333390]);
  });

  it('stateful-randomness JEP: stateful_rng(1701).random((5,))', () => {
    assertFloat32(run('random.uniform(random.fold_in(random.key(1701), 0), (5,))').value, [
      0.09609699, 0.26730824, 0.5619041, 0.24421775, 0.7715055,
    ]);
  });

  it('Flax NNX guide: normal(fold_in(key(0), 0), (4, 4))', () => {
    assertFloat32(run('random.normal(random.fold_in(random.key(0), 0), (4, 4))').value, [
      1.0040143, -0.9063372, -0.7481722, -1.1713669, -0.8712328, 0.5888381, 0.72392994, -1.0255982,
      1.661628, -1.8910251, -1.2889339, 0.13360691, -1.1530392, 0.23929629, 1.7448074, 0.5050189,
    ]);
  });
});
