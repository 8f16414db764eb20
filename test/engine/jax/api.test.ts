// jax.grad / value_and_grad end to end through the interpreter. Oracles: closed forms,
// DESIGN §1's worked example, SEMANTICS §1.1-1.6 and §2.4-2.5 texts and rules.

import { strict as assert } from 'node:assert';
import { toTree } from '../../../src/engine/jax/tree';
import { runPython } from './run';
import { withoutReprs as strip } from './run';

const PRELUDE = 'import jax\nimport jax.numpy as jnp\n';

function value(src: string, options: { x64?: boolean } = {}): unknown {
  const r = runPython(PRELUDE + src, options);
  if (r.error) throw new Error(`${r.error.pyType}: ${r.error.message}`);
  return toTree(r.value!);
}

function error(src: string): { type: string; message: string } {
  const r = runPython(PRELUDE + src);
  assert.ok(r.error, 'expected an error');
  return { type: r.error.pyType, message: r.error.message };
}

const leaf = (v: unknown, dtype: string, shape: number[], weak: boolean) => ({ value: v, dtype, shape, weak_type: weak });

describe('jax.grad (worked example, DESIGN §1)', () => {
  const f = 'def f(w, x):\n    return jnp.sum(w * x)\n';
  it('argnums=0 gives 4.0 as a weak float32 (Python float input)', () => {
    assert.deepEqual(strip(value(f + 'jax.grad(f)(2.0, jnp.array([1.0, 3.0]))')), leaf(4, 'float32', [], true));
  });
  it('argnums=1 gives [2., 2.] (strong: the array input is strong)', () => {
    assert.deepEqual(strip(value(f + 'jax.grad(f, argnums=1)(2.0, jnp.array([1.0, 3.0]))')), leaf([2, 2], 'float32', [2], false));
  });
  it('argnums=(0, 1) gives the pair as a tuple; a list argnums too', () => {
    const want = { tuple: [leaf(4, 'float32', [], true), leaf([2, 2], 'float32', [2], false)] };
    assert.deepEqual(strip(value(f + 'jax.grad(f, argnums=(0, 1))(2.0, jnp.array([1.0, 3.0]))')), want);
    assert.deepEqual(strip(value(f + 'jax.grad(f, argnums=[0, 1])(2.0, jnp.array([1.0, 3.0]))')), want);
  });
  it('grad_of_quadratic facts: 6.0 and 30.0', () => {
    const q = 'def loss(w, b, x):\n    return jnp.sum((w * x + b) ** 2)\n';
    assert.equal((value(q + 'jax.grad(loss)(0.0, 1.0, jnp.array([1.0, 2.0]))') as { value: number }).value, 6);
    assert.equal((value(q + 'jax.grad(loss)(1.0, 2.0, jnp.array([3.0]))') as { value: number }).value, 30);
  });
  it('value_and_grad returns (value, grad) and ((value, aux), grad)', () => {
    assert.deepEqual(strip(value('jax.value_and_grad(lambda x: x ** 3)(2.0)')), {
      tuple: [leaf(8, 'float32', [], true), leaf(12, 'float32', [], true)],
    });
    const t = value('jax.value_and_grad(lambda x: (x ** 2, 1.5), has_aux=True)(3.0)') as { tuple: unknown[] };
    assert.deepEqual(strip(t), { tuple: [{ tuple: [leaf(9, 'float32', [], true), { python: 'float', value: 1.5 }] }, leaf(6, 'float32', [], true)] });
  });
  it('duplicate argnums: the last copy gets the gradient (SEMANTICS §1.4)', () => {
    assert.deepEqual(strip(value('jax.grad(lambda x: x**2, argnums=(0, 0))(3.0)')), {
      tuple: [leaf(0, 'float32', [], true), leaf(6, 'float32', [], true)],
    });
  });
  it('negative argnums in range picks from the end and keeps an int result', () => {
    assert.deepEqual(strip(value('jax.grad(lambda x, y: x * y, argnums=-1)(3.0, 4.0)')), leaf(3, 'float32', [], true));
  });
  it('dict pytrees come back with sorted keys; None is an empty subtree', () => {
    const t = value("jax.grad(lambda p: p['b'] * 2.0 + p['a'] ** 2)({'b': 1.0, 'a': 3.0, 'c': None})") as { dict: Record<string, unknown> };
    assert.deepEqual(Object.keys(t.dict), ['a', 'b', 'c']);
    assert.deepEqual(strip(t.dict.a), leaf(6, 'float32', [], true));
    assert.deepEqual(t.dict.c, { python: 'NoneType', value: null });
  });
  it('Python control flow on concrete tracers works; int() too', () => {
    assert.equal((value('def f(x):\n    return x * 2.0 if x > 0 else -x\njax.grad(f)(3.0)') as { value: number }).value, 2);
    assert.equal((value('jax.grad(lambda x: x * int(x))(3.0)') as { value: number }).value, 3);
  });
  it('grad of grad of a cubic (f\'\'(1) = 10)', () => {
    assert.equal((value('jax.grad(jax.grad(lambda x: x**3 + 2*x**2 - 3*x + 1))(1.0)') as { value: number }).value, 10);
  });
  it('allow_int gives a float0 NumPy array of the input shape', () => {
    const t = value('jax.grad(lambda x, y: x * y, argnums=(0, 1), allow_int=True)(3, 2.0)') as { tuple: Record<string, unknown>[] };
    assert.equal(t.tuple[0].dtype, 'float0');
    assert.deepEqual(t.tuple[0].shape, []);
    assert.deepEqual(strip(t.tuple[1]), leaf(3, 'float32', [], true));
  });
});

describe('jax.grad errors (SEMANTICS §1.1-1.6)', () => {
  it('not callable, at construction', () => {
    assert.deepEqual(error('jax.grad(3)'), { type: 'TypeError', message: 'Expected a callable value, got 3' });
  });
  it("argnums='0' and argnums=1.0", () => {
    assert.equal(error("jax.grad(lambda x: x, argnums='0')").message, "'str' object cannot be interpreted as an integer");
    assert.equal(error('jax.grad(lambda x: x, argnums=1.0)').message, "'float' object is not iterable");
  });
  it('non-scalar output hints for (3,), (1,), (1, 1)', () => {
    const base = 'Gradient only defined for scalar-output functions. Output had shape: ';
    const tail = 'reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.';
    assert.equal(error('jax.grad(lambda x: x * jnp.ones(3))(1.0)').message, `${base}(3,). To get the gradient, ${tail}`);
    assert.equal(
      error('jax.grad(lambda x: x * jnp.ones(1))(1.0)').message,
      `${base}(1,). To get the gradient, extract the scalar with output.reshape(()) or output[0], ${tail}`,
    );
    assert.equal(
      error('jax.grad(lambda x: x * jnp.ones((1, 1)))(1.0)').message,
      `${base}(1, 1). To get the gradient, extract the scalar with output.reshape(()), ${tail}`,
    );
  });
  it('tuple output: "Output was (...)"', () => {
    const e = error('jax.grad(lambda x: (x, x))(1.0)');
    assert.equal(e.message, 'Gradient only defined for scalar-output functions. Output was (Array(1., dtype=float32, weak_type=True), Array(1., dtype=float32, weak_type=True)).');
  });
  it('integer output reports the output dtype error', () => {
    assert.equal(
      error('jax.grad(lambda x: jnp.sum(x).astype(jnp.int32))(1.0)').message,
      'grad requires real-valued outputs (output dtype that is a sub-dtype of np.floating), but got int32. For differentiation of functions with integer outputs, use jax.vjp directly.',
    );
  });
  it('int input without allow_int', () => {
    assert.match(error('jax.grad(lambda x: x * 1.0)(3)').message, /^grad requires real- or complex-valued inputs .* but got int32\./);
  });
  it('float(tracer) raises ConcretizationTypeError with the float context and URL', () => {
    const e = error('jax.grad(lambda x: float(x) * x)(2.0)');
    assert.equal(e.type, 'ConcretizationTypeError');
    assert.ok(e.message.startsWith('Abstract tracer value encountered where concrete value is expected: traced array with shape float32[]\nThe problem arose with the `float` function.'));
    assert.ok(e.message.endsWith('\nSee https://docs.jax.dev/en/latest/errors.html#jax.errors.ConcretizationTypeError'));
  });
});
