// jax.jit's observable tracing semantics (SEMANTICS §1.10, JAX's "Thinking in JAX" tutorial):
// the body runs once per signature, static arguments, concretization errors with the origin
// line, and how a tracer prints. Oracles: JAX's documented texts and caching rules.
import * as assert from 'node:assert/strict';
import { pyRepr } from '../../../src/engine/interp/protocol';
import { runPython } from './run';

function ok(src: string) {
  const r = runPython(src);
  if (r.error) assert.fail(`unexpected ${r.error.pyType}: ${r.error.message}`);
  return { repr: pyRepr(r.value!), output: r.output.join('') };
}

function err(src: string) {
  const r = runPython(src);
  assert.ok(r.error, 'expected an error');
  return r.error!;
}

describe('jax.jit tracing semantics', () => {
  it('prints at trace time only: a second call with the same signature prints nothing', () => {
    const r = ok(
      'import jax\nimport jax.numpy as jnp\n@jax.jit\ndef f(x):\n    print("tracing", x)\n    return x * 2\n' +
        'f(jnp.ones(3))\nf(jnp.zeros(3))\nf(jnp.ones(3))\n',
    );
    assert.equal(r.output.split('tracing').length - 1, 1);
    assert.match(r.output, /tracing JitTracer<float32\[3\]>/);
    assert.equal(r.repr, 'Array([2., 2., 2.], dtype=float32)');
  });

  it('retraces when the shape, the dtype or the weak type changes', () => {
    const r = ok(
      'import jax\nimport jax.numpy as jnp\n@jax.jit\ndef f(x):\n    print("t")\n    return x + 1\n' +
        'f(jnp.ones(3))\nf(jnp.ones(4))\nf(jnp.ones(4, dtype=jnp.int32))\nf(1.0)\nf(2.0)\nf(jnp.float32(2.0))\n',
    );
    assert.equal(r.output.split('t').length - 1, 5);
  });

  it('shows a weakly typed Python scalar as JitTracer<~int32[]> (JAX tutorial output)', () => {
    const r = ok('import jax\ndef g(u, v):\n    print(u, v)\n    return u + v\njax.jit(g)(u=1, v=2)\n');
    assert.equal(r.output.trim(), 'JitTracer<~int32[]> JitTracer<~int32[]>');
    assert.equal(r.repr, 'Array(3, dtype=int32, weak_type=True)');
  });

  it('if on a traced value raises TracerBoolConversionError with the origin line', () => {
    const e = err('import jax\n\ndef f(x):\n    if x > 0:\n        return x\n    return 2 * x\njax.jit(f)(10)\n');
    assert.equal(e.pyType, 'TracerBoolConversionError');
    assert.equal(
      e.message,
      'Attempted boolean conversion of traced array with shape bool[].\n' +
        'The error occurred while tracing the function f at <string>:3 for jit. This concrete value was not ' +
        'available in Python because it depends on the value of the argument x.\n' +
        'See https://docs.jax.dev/en/latest/errors.html#jax.errors.TracerBoolConversionError',
    );
  });

  it('names only the arguments the value depends on, with pytree paths', () => {
    const e = err(
      'import jax\n@jax.jit\ndef g(x, n):\n    i = 0\n    while i < n["k"]:\n        i += 1\n    return x + i\ng(10, {"k": 20})\n',
    );
    assert.match(e.message, /tracing the function g at <string>:2 for jit\. .*depends on the value of the argument n\['k'\]\.\n/);
    const e2 = err('import jax\n@jax.jit\ndef h(a, b):\n    return 1 if a + b > 0 else 0\nh(1.0, 2.0)\n');
    assert.match(e2.message, /depends on the values of the arguments a and b\./);
  });

  it('range(tracer) raises TracerIntegerConversionError; int(tracer) the ConcretizationTypeError', () => {
    const e = err('import jax\ndef f(x, n):\n    for i in range(n):\n        x = x + 1\n    return x\njax.jit(f)(2, 4)\n');
    assert.equal(e.pyType, 'TracerIntegerConversionError');
    assert.ok(e.message.startsWith('The __index__() method was called on traced array with shape int32[].\nThe error occurred while tracing the function f at <string>:2 for jit.'));
    const e2 = err('import jax\njax.jit(lambda x: int(x))(1.0)\n');
    assert.equal(e2.pyType, 'ConcretizationTypeError');
    assert.match(e2.message, /try using `x.astype\(int\)` or `jnp.array\(x, int\)` instead.\nThe error occurred while tracing the function <lambda> at <string>:2 for jit\. /);
  });

  it('static_argnums and static_argnames: Python values, retraced per value', () => {
    const src =
      'import jax\nimport jax.numpy as jnp\nfrom functools import partial\n' +
      '@partial(jax.jit, static_argnums=1)\ndef f(x, n):\n    print("t")\n    for i in range(n):\n        x = x * 2\n    return x\n' +
      'a = f(jnp.float32(1.0), 3)\nb = f(jnp.float32(1.0), 3)\nc = f(jnp.float32(1.0), 4)\n' +
      'g = jax.jit(lambda x, mode: x + 1 if mode == "inc" else x - 1, static_argnames="mode")\n' +
      '(a, c, g(1.0, mode="inc"), g(1.0, mode="dec"))\n';
    const r = ok(src);
    assert.equal(r.output.split('t').length - 1, 2);
    assert.equal(
      r.repr,
      '(Array(8., dtype=float32), Array(16., dtype=float32), Array(2., dtype=float32, weak_type=True), Array(0., dtype=float32, weak_type=True))',
    );
  });

  it('bool conversion under vmap raises without an origin line', () => {
    const e = err('import jax\nimport jax.numpy as jnp\ndef f(x):\n    return x if x > 0 else -x\njax.vmap(f)(jnp.arange(3.0))\n');
    assert.equal(e.pyType, 'TracerBoolConversionError');
    assert.equal(
      e.message,
      'Attempted boolean conversion of traced array with shape bool[].\nSee https://docs.jax.dev/en/latest/errors.html#jax.errors.TracerBoolConversionError',
    );
  });

  it('a non-array argument that is not static is an error', () => {
    const e = err('import jax\njax.jit(lambda x, s: x)(1.0, "a")\n');
    assert.equal(e.pyType, 'TypeError');
    assert.match(e.message, /^Error interpreting argument to .* as an abstract array\. The problematic value is of type <class 'str'> and was passed to the function at path s\./);
  });

  it('grad of jit and jit of grad give the un-jitted values', () => {
    const r = ok('import jax\nimport jax.numpy as jnp\nf = jax.jit(lambda x: jnp.sin(x) * x)\n(jax.grad(f)(1.0), jax.jit(jax.grad(f))(1.0))\n');
    const v = Math.fround(Math.cos(1) + Math.sin(1));
    assert.match(r.repr, new RegExp(`^\\(Array\\(${v.toPrecision(7).slice(0, 6)}`));
  });
});
