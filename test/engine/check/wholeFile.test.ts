// The checks assembled by run.ts over the example files (issue #4's acceptance list).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCheck } from '../../../src/engine/check/run';
import { applyEdits } from './helpers';

function valueAt(report: ReturnType<typeof runCheck>, source: string, prefix: string) {
  const line = source.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
  return report.values.find((v) => v.line === line);
}

describe('check: whole files', () => {
  it('pitfalls.py: the four mistakes with codes; applying every preferred fix at once checks clean', () => {
    const src = readFileSync('examples/pitfalls.py', 'utf8');
    const report = runCheck(src, { finiteDifferences: false });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.code), ['non-scalar-output', 'argnums-out-of-range', 'integer-input', 'call-instead-of-function']);
    const edits = errors.flatMap((d) => d.fixes?.find((f) => f.preferred)?.edits ?? []);
    const fixed = applyEdits(src, edits);
    const again = runCheck(fixed, { finiteDifferences: false });
    assert.deepEqual(again.diagnostics, []);
    // closed forms at w=0, b=1, x=[1, 2]: d/dw = Σ 2(w xᵢ + b) xᵢ = 6; d/dx = 2(w xᵢ + b) w = [0, 0]
    assert.equal(valueAt(again, fixed, 'jax.grad(residuals)')?.text, '6.0');
    assert.equal(valueAt(again, fixed, 'jax.grad(loss, argnums=2)')?.text, '[0. 0.]');
    assert.equal(valueAt(again, fixed, 'jax.grad(loss)(0.0, 1.0, x)')?.text, '6.0');
  });

  it('worked_example.py checks clean; changing one expected value gives exactly one mismatch', () => {
    const src = readFileSync('examples/worked_example.py', 'utf8');
    const report = runCheck(src);
    assert.deepEqual(report.diagnostics, []);
    assert.ok(report.values.every((v) => v.expected?.ok));
    const edited = runCheck(src.replace('# → [2. 2.]', '# → [2. 3.]'));
    assert.deepEqual(edited.diagnostics.map((d) => d.code), ['expected-value-mismatch']);
    assert.match(edited.diagnostics[0].message, /Expected \[2\. 3\.\], got Array\(\[2\., 2\.\], dtype=float32\)/);
  });

  it('an in-place update inside a differentiated function: JAX\'s error on the assignment, fixed with .at[].set', () => {
    const src = [
      'import jax',
      'import jax.numpy as jnp',
      'def f(x):',
      '    y = jnp.zeros(2)',
      '    y[0] = x',
      '    return jnp.sum(y * y)',
      'jax.grad(f)(3.0)',
      '',
    ].join('\n');
    const report = runCheck(src, { finiteDifferences: false });
    const d = report.diagnostics.find((x) => x.code === 'in-place-update')!;
    assert.equal(d.severity, 'error');
    assert.match(d.message, /^JAX arrays are immutable and do not support in-place item assignment/);
    const fix = d.fixes?.find((f) => f.preferred);
    const fixed = applyEdits(src, fix!.edits);
    assert.match(fixed, /^ {4}y = y\.at\[0\]\.set\(x\)$/m);
    const again = runCheck(fixed, { finiteDifferences: false });
    assert.deepEqual(again.diagnostics, []);
    // d/dx (x²) = 2x = 6 at x = 3
    assert.equal(again.values[0].text, '6.0');
  });
});
