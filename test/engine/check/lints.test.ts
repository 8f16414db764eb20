import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from '../../../src/engine/check/lints';
import { applyFix, parse, preferred } from './helpers';

const PITFALLS = readFileSync('examples/pitfalls.py', 'utf8');

function lineOf(source: string, needle: string): number {
  return source.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('check/lints on examples/pitfalls.py', () => {
  const diagnostics = lint(parse(PITFALLS));
  const byCode = (code: string) => diagnostics.filter((d) => d.code === code);

  it('finds exactly the four classic mistakes, each on the line where JAX raises', () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['non-scalar-output', lineOf(PITFALLS, 'jax.grad(residuals)(0.0, 1.0, x)')],
        ['argnums-out-of-range', lineOf(PITFALLS, 'argnums=3')],
        ['integer-input', lineOf(PITFALLS, 'jax.grad(loss)(0, 1.0, x)')],
        ['call-instead-of-function', lineOf(PITFALLS, 'jax.grad(loss(0.0, 1.0, x))')],
      ],
    );
  });

  it('non-scalar output: the preferred fix wraps the return of residuals in jnp.sum, another in jnp.mean', () => {
    const [d] = byCode('non-scalar-output');
    assert.match(applyFix(PITFALLS, preferred(d.fixes)), /return jnp\.sum\(\(w \* x \+ b\) \*\* 2\)  # not a scalar/);
    assert.ok(d.fixes!.some((f) => f.edits[0].newText === 'jnp.mean((w * x + b) ** 2)'));
  });

  it('argnums: one fix per parameter of loss (w, b, x), preferring the last one for argnums=3', () => {
    const [d] = byCode('argnums-out-of-range');
    assert.equal(d.fixes!.length, 3);
    assert.match(applyFix(PITFALLS, preferred(d.fixes)), /jax\.grad\(loss, argnums=2\)\(0\.0, 1\.0, x\)/);
    assert.match(d.message, /w=0, b=1, x=2/);
  });

  it('integer input: 0 becomes 0.0', () => {
    const [d] = byCode('integer-input');
    assert.match(applyFix(PITFALLS, preferred(d.fixes)), /^jax\.grad\(loss\)\(0\.0, 1\.0, x\)$/m);
  });

  it('call instead of function: jax.grad(loss(0.0, 1.0, x)) becomes jax.grad(loss)(0.0, 1.0, x)', () => {
    const [d] = byCode('call-instead-of-function');
    assert.match(applyFix(PITFALLS, preferred(d.fixes)), /^jax\.grad\(loss\)\(0\.0, 1\.0, x\)$/m);
  });
});

describe('check/lints on synthetic snippets', () => {
  const HEADER = 'import jax\nimport jax.numpy as jnp\n';

  it('stays silent on correct code (the worked example)', () => {
    assert.deepEqual(lint(parse(readFileSync('examples/worked_example.py', 'utf8'))), []);
  });

  it('resolves `from jax import grad` and aliases', () => {
    const src = 'from jax import grad as g\ndef f(x):\n    return x ** 2\ng(f(1.0))\n';
    assert.deepEqual(lint(parse(src)).map((d) => d.code), ['call-instead-of-function']);
  });

  it('does not flag calling a factory that returns a function', () => {
    const src = HEADER + 'def make(a):\n    def f(x):\n        return a * x\n    return f\njax.grad(make(2.0))(1.0)\n';
    assert.deepEqual(lint(parse(src)), []);
  });

  it('argnums tuples: only the out-of-range entry is flagged and fixed', () => {
    const src = HEADER + 'def f(a, b):\n    return a * b\njax.grad(f, argnums=(0, 2))(1.0, 2.0)\n';
    const [d] = lint(parse(src));
    assert.equal(d.code, 'argnums-out-of-range');
    assert.match(applyFix(src, preferred(d.fixes)), /argnums=\(0, 1\)/);
  });

  it('negative argnums in range are fine; out of range are flagged', () => {
    const ok = HEADER + 'def f(a, b):\n    return a * b\njax.grad(f, argnums=-1)(1.0, 2.0)\n';
    assert.deepEqual(lint(parse(ok)), []);
    const bad = HEADER + 'def f(a, b):\n    return a * b\njax.grad(f, argnums=-3)(1.0, 2.0)\n';
    assert.deepEqual(lint(parse(bad)).map((d) => d.code), ['argnums-out-of-range']);
  });

  it('integer input only in differentiated positions, and not with allow_int=True', () => {
    const src = HEADER + 'def f(a, n):\n    return a * n\njax.grad(f)(1.0, 3)\njax.grad(f, argnums=1)(1.0, -3)\njax.grad(f, allow_int=True)(1, 3)\n';
    const ds = lint(parse(src));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['integer-input', 6]]);
    assert.match(applyFix(src, preferred(ds[0].fixes)), /argnums=1\)\(1\.0, -3\.0\)/);
  });

  it('integer arrays: jnp.array([1, 2]) directly or through a module-level name', () => {
    const src = HEADER + 'def f(x):\n    return jnp.sum(x ** 2)\nxs = jnp.array([1, 2])\njax.grad(f)(xs)\njax.grad(f)(jnp.array([3, -4]))\njax.grad(f)(jnp.array([3, 4.5]))\n';
    const ds = lint(parse(src));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['integer-input', 6], ['integer-input', 7]]);
    assert.match(applyFix(src, preferred(ds[0].fixes)), /^xs = jnp\.array\(\[1\.0, 2\.0\]\)$/m);
    assert.match(applyFix(src, preferred(ds[1].fixes)), /^jax\.grad\(f\)\(jnp\.array\(\[3\.0, -4\.0\]\)\)$/m);
  });

  it('non-scalar output needs a visibly non-scalar argument and no reduction', () => {
    const flagged = HEADER + 'def f(w, x):\n    return jnp.tanh(w * x)\njax.grad(f)(1.0, jnp.ones(3))\n';
    assert.deepEqual(lint(parse(flagged)).map((d) => d.code), ['non-scalar-output']);
    const reduced = HEADER + 'def f(w, x):\n    return jnp.sum(jnp.tanh(w * x))\njax.grad(f)(1.0, jnp.ones(3))\n';
    assert.deepEqual(lint(parse(reduced)), []);
    const scalarArg = HEADER + 'def f(w, x):\n    return jnp.tanh(w * x)\njax.grad(f)(1.0, 2.0)\n';
    assert.deepEqual(lint(parse(scalarArg)), []);
    const lambda = HEADER + 'jax.grad(lambda x: x * 2.0)(jnp.array([1.0, 2.0]))\n';
    const [d] = lint(parse(lambda));
    assert.match(applyFix(lambda, preferred(d.fixes)), /lambda x: jnp\.sum\(x \* 2\.0\)/);
  });

  it('in-place update on a visible array, with the .at[].set fix', () => {
    const src = HEADER + 'x = jnp.zeros(3)\nx[0] = 1.0\ndef f(v):\n    y = jnp.ones(2)\n    y[1] += v\n    return y\nz = [1, 2]\nz[0] = 5\n';
    const ds = lint(parse(src));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['in-place-update', 4], ['in-place-update', 7]]);
    const fixed = applyFix(applyFix(src, preferred(ds[1].fixes)), preferred(ds[0].fixes));
    assert.match(fixed, /^x = x\.at\[0\]\.set\(1\.0\)$/m);
    assert.match(fixed, /^ {4}y = y\.at\[1\]\.add\(v\)$/m);
  });
});
