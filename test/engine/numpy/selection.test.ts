// nonzero, flatnonzero, argwhere, one-argument where (size/fill_value), sort/argsort (axis=None,
// descending, keyword-only options), linspace(retstep=True), and the Array methods that
// delegate to these. Oracles: NumPy's documented examples, JAX's documented size/fill_value
// semantics and error texts.

import { strict as assert } from 'node:assert';
import { err, val, values } from './helpers';

describe('jnp.nonzero / where / argwhere', () => {
  const X = 'x = jnp.array([[3, 0, 0], [0, 4, 0], [5, 6, 0]])\n';
  it('nonzero (NumPy docs) gives one int32 array per axis', () => {
    assert.deepEqual(values(X + 'jnp.nonzero(x)'), [[0, 1, 2, 2], [0, 1, 0, 1]]);
    assert.deepEqual(val(X + 'jnp.nonzero(x)').tuple!.map((t) => t.dtype), ['int32', 'int32']);
    assert.deepEqual(values(X + 'x.nonzero()'), [[0, 1, 2, 2], [0, 1, 0, 1]]);
  });
  it('size pads with fill_value (0 by default) or truncates', () => {
    assert.deepEqual(values('jnp.where(jnp.array([0, 2, 0, 4]), size=3, fill_value=-1)'), [[1, 3, -1]]);
    assert.deepEqual(values('jnp.nonzero(jnp.array([0, 2, 0, 4]), size=3)'), [[1, 3, 0]]);
    assert.deepEqual(values('jnp.nonzero(jnp.array([1, 2, 3]), size=2)'), [[0, 1]]);
  });
  it('flatnonzero and argwhere (NumPy docs)', () => {
    assert.deepEqual(val('jnp.flatnonzero(jnp.arange(-2, 3))').value, [0, 1, 3, 4]);
    assert.deepEqual(val('x = jnp.arange(6).reshape(2, 3)\njnp.argwhere(x > 1)').value, [[0, 2], [1, 0], [1, 1], [1, 2]]);
  });
  it('under jit without size: ConcretizationTypeError; with size it traces', () => {
    const [type, message] = err('jax.jit(lambda x: jnp.nonzero(x))(jnp.array([1, 0]))');
    assert.equal(type, 'ConcretizationTypeError');
    assert.ok(message.includes('The size argument of jnp.nonzero must be statically specified to use jnp.nonzero within JAX transformations.'));
    assert.deepEqual(values('jax.jit(lambda x: jnp.nonzero(x, size=2))(jnp.array([0, 5, 7]))'), [[1, 2]]);
  });
  it('where with only one of x and y is a ValueError', () => {
    assert.equal(err('jnp.where(jnp.array([True]), 1.0)')[0], 'ValueError');
  });
});

describe('jnp.sort / argsort', () => {
  it('axis=None sorts the flattened array; the default is the last axis', () => {
    assert.deepEqual(val('jnp.sort(jnp.array([[1, 4], [3, 1]]), axis=None)').value, [1, 1, 3, 4]);
    assert.deepEqual(val('jnp.sort(jnp.array([[1, 4], [3, 1]]))').value, [[1, 4], [1, 3]]);
    assert.deepEqual(val('jnp.sort(jnp.array([[1, 4], [3, 1]]), axis=0)').value, [[1, 1], [3, 4]]);
  });
  it('descending keeps ties in their original order (stable)', () => {
    assert.deepEqual(val('jnp.sort(jnp.array([3, 1, 2]), descending=True)').value, [3, 2, 1]);
    assert.deepEqual(val('jnp.argsort(jnp.array([3, 1, 3, 2]), descending=True)').value, [0, 2, 3, 1]);
  });
  it('methods; kind and the rest are keyword-only', () => {
    assert.deepEqual(val('jnp.array([3, 1, 2]).sort()').value, [1, 2, 3]);
    assert.deepEqual(val('jnp.array([3, 1, 2]).argsort()').value, [1, 2, 0]);
    assert.deepEqual(err('jnp.arange(3).sort(0, "stable")'), ['TypeError', 'sort() takes from 1 to 2 positional arguments but 3 were given']);
  });
});

describe('Array methods delegating to the new functions', () => {
  it('take, trace, diagonal, repeat, ptp, cumprod', () => {
    assert.deepEqual(val('jnp.array([4, 3, 5]).take(jnp.array([2, 0]))').value, [5, 4]);
    assert.deepEqual(val('jnp.arange(9).reshape(3, 3).trace(offset=1)').value, 6);
    assert.deepEqual(val('jnp.arange(9).reshape(3, 3).diagonal(-1)').value, [3, 7]);
    assert.deepEqual(val('jnp.array([1, 2]).repeat(2)').value, [1, 1, 2, 2]);
    assert.deepEqual(val('jnp.array([1, 5, 2]).ptp()').value, 4);
    assert.deepEqual(val('jnp.array([1, 2, 3]).cumprod()').value, [1, 2, 6]);
  });
});

describe('jnp.linspace(retstep=True)', () => {
  it('returns the samples and the spacing (NumPy docs)', () => {
    const [samples, step] = val('jnp.linspace(2.0, 3.0, num=5, retstep=True)').tuple!;
    assert.deepEqual(samples.value, [2, 2.25, 2.5, 2.75, 3]);
    assert.deepEqual([step.value, step.dtype], [0.25, 'float32']);
    assert.deepEqual(val('jnp.linspace(2.0, 3.0, num=4, endpoint=False, retstep=True)').tuple![1].value, 0.25);
  });
});
