// jax.numpy and jax.Array behaviour through the interpreter. Oracles: SEMANTICS §1.8-1.11 and
// §2.1-2.2 (texts, weak types), NumPy's documented semantics, closed forms.

import { strict as assert } from 'node:assert';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from './run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\n';
const run = (src: string, x64 = false) => runPython(PRELUDE + src, { x64 });
function repr(src: string): string {
  const r = run(src);
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return (toTree(r.value!) as { repr: string }).repr;
}
function err(src: string): [string, string] {
  const r = run(src);
  assert.ok(r.error, 'expected an error');
  return [r.error.pyType, r.error.message];
}

describe('jax.numpy: weak types and promotion (SEMANTICS §2.2)', () => {
  it('constructors', () => {
    assert.equal(repr('jnp.array(42)'), 'Array(42, dtype=int32, weak_type=True)');
    assert.equal(repr('jnp.array(3.5)'), 'Array(3.5, dtype=float32, weak_type=True)');
    assert.equal(repr('jnp.array([1, 2, 3])'), 'Array([1, 2, 3], dtype=int32)');
    assert.equal(repr("jnp.asarray(2, dtype='int32')"), 'Array(2, dtype=int32)');
    assert.equal(repr('jnp.float32(3.)'.replace('3.', '3.0')), 'Array(3., dtype=float32)');
  });
  it('int8 array times a Python int stays int8; int32 array plus 1.5 is weak float32', () => {
    assert.equal(repr("2 * jnp.arange(5, dtype='int8')"), 'Array([0, 2, 4, 6, 8], dtype=int8)');
    assert.equal(repr('jnp.arange(3) + 1.5'), 'Array([1.5, 2.5, 3.5], dtype=float32, weak_type=True)');
  });
  it('int division and mean give float32; sum of int32 stays int32', () => {
    assert.equal(repr('jnp.array([1, 2]) / 2'), 'Array([0.5, 1. ], dtype=float32)');
    assert.equal(repr('jnp.mean(jnp.array([1, 2]))'), 'Array(1.5, dtype=float32)');
    assert.equal(repr('jnp.sum(jnp.array([1, 2]))'), 'Array(3, dtype=int32)');
  });
  it('Python semantics of // and % on negatives', () => {
    assert.equal(repr('jnp.array([-7, 7]) // 2'), 'Array([-4,  3], dtype=int32)');
    assert.equal(repr('jnp.array([-7, 7]) % 3'), 'Array([2, 1], dtype=int32)');
  });
  it('64-bit requests truncate with the UserWarning; x64 on keeps them', () => {
    const r = run("jnp.zeros(2, dtype='float64')");
    assert.equal(r.warnings[0].category, 'UserWarning');
    assert.ok(r.warnings[0].message.startsWith('Explicitly requested dtype float64 requested in zeros is not available, and will be truncated to dtype float32.'));
    assert.equal(repr('jax.config.update("jax_enable_x64", True)\njnp.zeros(2, dtype="float64")'), 'Array([0., 0.], dtype=float64)');
    assert.equal(repr('jnp.ones(3, dtype=int)'), 'Array([1, 1, 1], dtype=int32)');
  });
  it('integer inputs of transcendental functions compute in float32, int8 included (dtypes._dtype_to_inexact)', () => {
    assert.match(repr("jnp.sin(jnp.array([0, 0], dtype=jnp.int8))"), /dtype=float32\)$/);
    assert.match(repr("jnp.sqrt(jnp.array([4], dtype=jnp.uint8))"), /^Array\(\[2\.\], dtype=float32\)$/);
  });
  it('dtype objects', () => {
    const r = run("(jnp.promote_types('int32', 'float32'), jnp.zeros(2).dtype == jnp.float32)");
    assert.deepEqual(toTree(r.value!), { tuple: [{ python: 'dtype', value: 'float32' }, { python: 'bool', value: true }] });
  });
});

describe('jax.numpy: errors', () => {
  it('the two broadcasting errors (SEMANTICS §1.8)', () => {
    assert.deepEqual(err('jnp.zeros(3) + jnp.zeros(4)'), ['TypeError', 'add got incompatible shapes for broadcasting: (3,), (4,).']);
    assert.deepEqual(err('jnp.zeros((2, 3)) * jnp.zeros(4)'), ['ValueError', 'Incompatible shapes for broadcasting: shapes=[(2, 3), (4,)]']);
  });
  it('lists are not arrays in reductions', () => {
    assert.deepEqual(err('jnp.sum([1, 2, 3])'), ['TypeError', "sum requires ndarray or scalar arguments, got <class 'list'> at position 0."]);
  });
  it('in-place assignment', () => {
    assert.equal(err('x = jnp.zeros(3)\nx[0] = 1.0')[1].split(':')[0], 'JAX arrays are immutable and do not support in-place item assignment. Instead of x[idx] = y, use x = x.at[idx].set(y) or another .at[] method');
  });
  it('truth value errors', () => {
    assert.deepEqual(err('bool(jnp.arange(10))'), ['ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()']);
    assert.equal(err('bool(jnp.zeros(0))')[0], 'ValueError');
    assert.deepEqual(err('int(jnp.zeros(2))'), ['TypeError', 'Only scalar arrays can be converted to Python scalars; got arr.ndim=1']);
  });
});

describe('jax.Array indexing (SEMANTICS §1.11) and methods', () => {
  it('out-of-bounds reads clamp, updates drop', () => {
    assert.equal(repr('jnp.arange(10)[11]'), 'Array(9, dtype=int32)');
    assert.equal(repr('jnp.arange(10)[-11]'), 'Array(0, dtype=int32)');
    assert.equal(repr('jnp.arange(5.0).at[10].add(10)'), 'Array([0., 1., 2., 3., 4.], dtype=float32)');
    assert.equal(repr("jnp.arange(5.0).at[20].get(mode='fill')"), 'Array(nan, dtype=float32)');
  });
  it('mode=clip on the SEMANTICS example', () => {
    assert.equal(
      repr("jnp.arange(1, 6).at[jnp.array([-10,-6,-5,-4,0,3,4,5,6,100])].get(mode='clip')"),
      'Array([1, 1, 1, 2, 1, 4, 5, 5, 5, 5], dtype=int32)',
    );
  });
  it('slices with steps, None, Ellipsis, integer arrays, masks', () => {
    assert.equal(repr('jnp.arange(6)[::-2]'), 'Array([5, 3, 1], dtype=int32)');
    assert.equal(repr('jnp.arange(6).reshape(2, 3)[:, None, 1]'), 'Array([[1],\n       [4]], dtype=int32)');
    assert.equal(repr('jnp.arange(6).reshape(2, 3)[..., 0]'), 'Array([0, 3], dtype=int32)');
    assert.equal(repr('jnp.arange(6).reshape(2, 3)[1, jnp.array([0, 2])]'), 'Array([3, 5], dtype=int32)');
    assert.equal(repr('x = jnp.arange(5)\nx[x > 2]'), 'Array([3, 4], dtype=int32)');
  });
  it('non-adjacent advanced indices put their axes first (NumPy)', () => {
    const r = run('jnp.zeros((2, 3, 4))[0, :, jnp.array([1, 2])].shape');
    assert.deepEqual(toTree(r.value!), { tuple: [{ python: 'int', value: 2 }, { python: 'int', value: 3 }] });
  });
  it('methods', () => {
    assert.equal(repr('jnp.arange(6.0).reshape(2, 3).sum(axis=0)'), 'Array([3., 5., 7.], dtype=float32)');
    assert.equal(repr('jnp.arange(6.0).reshape((3, 2)).T[0]'), 'Array([0., 2., 4.], dtype=float32)');
    assert.deepEqual(toTree(run('jnp.array([1.5]).item()').value!), { python: 'float', value: 1.5 });
    assert.equal(repr('jnp.array([[1.0, 2.0], [3.0, 4.0]]) @ jnp.array([5.0, 6.0])'), 'Array([17., 39.], dtype=float32)');
  });
});

describe('jax.numpy extras', () => {
  it('einsum matches the matrix product and inner product closed forms', () => {
    assert.equal(repr("jnp.einsum('ij,jk->ik', jnp.array([[1.0, 2.0], [3.0, 4.0]]), jnp.array([[5.0], [6.0]]))"), 'Array([[17.],\n       [39.]], dtype=float32)');
    assert.equal(repr("jnp.einsum('i,i', jnp.arange(3.0), jnp.arange(3.0))"), 'Array(5., dtype=float32)');
  });
  it('sort, argsort, logaddexp', () => {
    assert.equal(repr('jnp.sort(jnp.array([3, 1, 2]))'), 'Array([1, 2, 3], dtype=int32)');
    assert.equal(repr('jnp.argsort(jnp.array([3, 1, 2]))'), 'Array([1, 2, 0], dtype=int32)');
    assert.equal(repr('jnp.logaddexp(0.0, 0.0) == jnp.log(2.0)'), 'Array(True, dtype=bool)');
  });
});
