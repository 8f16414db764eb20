import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { classifyError } from '../../../src/engine/check/codes';
import { findAnnotations } from '../../../src/engine/check/annotations';
import { checkGradCall, compareExpected, runAnnotation } from '../../../src/engine/check/evaluate';
import { parseExpected } from '../../../src/engine/check/expectedParse';
import { compareExpectedTree } from '../../../src/engine/check/expectedCompare';
import { fixesForError } from '../../../src/engine/check/errorFixes';
import { PyError } from '../../../src/engine/errors';
import type { Diagnostic } from '../../../src/engine/report';
import { applyFix, preferred } from './helpers';
import { run } from './engine';

const HEADER = 'import jax\nimport jax.numpy as jnp\n';

describe('check with the engine: the worked example', () => {
  const src = readFileSync('examples/worked_example.py', 'utf8');
  const ran = run(src);

  it('every # → comment matches (closed forms: 8, 4, [2, 2], (4, [2, 2]), (8, 4))', () => {
    let checked = 0;
    for (const s of ran.parsed.statements) {
      const exp = s.trailingComment && parseExpected(s.trailingComment.text);
      if (!exp) continue;
      const r = compareExpected(ran.values.get(s.range.start.line)!, exp.text, ran.interp);
      assert.equal(r.ok, true, `line ${s.range.start.line}: ${r.message}`);
      checked++;
    }
    assert.equal(checked, 5);
  });

  it('changing one expected value gives exactly one mismatch naming both values', () => {
    const edited = src.replace('# → 4.0', '# → 5.0');
    const again = run(edited);
    const mismatches = again.parsed.statements.flatMap((s) => {
      const exp = s.trailingComment && parseExpected(s.trailingComment.text);
      if (!exp) return [];
      const r = compareExpected(again.values.get(s.range.start.line)!, exp.text, again.interp);
      return r.ok ? [] : [r.message];
    });
    assert.deepEqual(mismatches, ['Expected 5.0, got Array(4., dtype=float32, weak_type=True)']);
  });

  it('the annotation computes grad f at w=2, x=[1, 3]: 4.0, agreeing with finite differences', () => {
    const [a] = findAnnotations(ran.parsed).annotations;
    const fresh = run(src.slice(0, src.indexOf('x = jnp.array')));
    const { report, diagnostics } = runAnnotation(fresh.interp, a, { modules: fresh.modules, parsed: fresh.parsed });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(report.result, { value: 4, dtype: 'float32', shape: [], weak_type: true, repr: 'Array(4., dtype=float32, weak_type=True)' });
    assert.equal(report.finiteDifference?.ok, true);
    assert.ok(report.finiteDifference!.maxError < 1e-3);
  });

  it('a top-level grad statement gets the finite-difference check', () => {
    const stmt = ran.parsed.statements.find((s) => s.range.start.line === src.split('\n').findIndex((l) => l.startsWith('jax.grad(f, argnums=(0, 1))')) + 1)!;
    const r = checkGradCall(ran.interp, stmt, ran.values.get(stmt.range.start.line)!, ran.parsed);
    assert.equal(r.finiteDifference?.ok, true);
    assert.deepEqual(r.diagnostics, []);
  });
});

describe('check with the engine: annotations', () => {
  it('options and positional arguments: argnums=(0, 1) gives the pair', () => {
    const src = HEADER + '# @grad(argnums=(0, 1)) 2.0, jnp.array([1.0, 3.0])\ndef f(w, x):\n    return jnp.sum(w * x)\n';
    const ran = run(src);
    const [a] = findAnnotations(ran.parsed).annotations;
    const { report } = runAnnotation(ran.interp, a, { modules: ran.modules, parsed: ran.parsed });
    assert.equal(compareExpectedTree(report.result!, '(4.0, [2. 2.])').ok, true);
    assert.equal(report.finiteDifference?.ok, true);
  });

  it('value_and_grad with has_aux', () => {
    const src = HEADER + '# @value_and_grad(has_aux=True) x=3.0\ndef f(x):\n    return x ** 2, x + 1\n';
    const ran = run(src);
    const [a] = findAnnotations(ran.parsed).annotations;
    const { report, diagnostics } = runAnnotation(ran.interp, a, { modules: ran.modules, parsed: ran.parsed });
    assert.deepEqual(diagnostics, []);
    const t = report.result as { tuple: [{ tuple: unknown[] }, { value: number }] };
    assert.equal(t.tuple[1].value, 6);
    assert.equal(report.finiteDifference?.ok, true);
  });

  it('a JAX error in the annotation is a diagnostic on the comment, classified', () => {
    const src = HEADER + '# @grad x=jnp.array([1.0, 2.0])\ndef f(x):\n    return x * 2\n';
    const ran = run(src);
    const [a] = findAnnotations(ran.parsed).annotations;
    const { diagnostics } = runAnnotation(ran.interp, a, { modules: ran.modules, parsed: ran.parsed });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'non-scalar-output');
    assert.equal(diagnostics[0].range.start.line, 3);
    assert.match(diagnostics[0].message, /^Gradient only defined for scalar-output functions\. Output had shape: \(2,\)\./);
  });
});

describe('check with the engine: runtime errors of examples/pitfalls.py, classified and fixed', () => {
  const src = readFileSync('examples/pitfalls.py', 'utf8');
  const ran = run(src);
  const expected: [string, string][] = [
    ['jax.grad(residuals)(0.0, 1.0, x)', 'non-scalar-output'],
    ['jax.grad(loss, argnums=3)(0.0, 1.0, x)', 'argnums-out-of-range'],
    ['jax.grad(loss)(0, 1.0, x)', 'integer-input'],
    ['jax.grad(loss(0.0, 1.0, x))', 'call-instead-of-function'],
  ];
  for (const [line, code] of expected) {
    it(`${line} → ${code}, and the preferred fix makes the statement run`, () => {
      const n = src.split('\n').indexOf(line) + 1;
      const err = ran.errors.get(n)!;
      assert.ok(err, `line ${n} raised`);
      const c = classifyError(new PyError(err.pyType, err.message));
      assert.equal(c, code);
      const stmt = ran.parsed.statements.find((s) => s.range.start.line === n)!;
      const d: Diagnostic = { severity: 'error', code: c, message: err.message, range: stmt.range };
      const fixed = applyFix(src, preferred(fixesForError(d, ran.parsed)));
      const after = run(fixed);
      const m = fixed.split('\n').length - src.split('\n').length;
      assert.equal(m, 0);
      assert.equal(after.errors.get(n), undefined, `fixed line ${n}: ${after.errors.get(n)?.message}`);
    });
  }

  it('all four fixes together: the file runs clean with the closed-form values', () => {
    let text = src;
    for (const [line] of expected) {
      const cur = run(text);
      const n = text.split('\n').indexOf(line) + 1;
      const err = cur.errors.get(n)!;
      const stmt = cur.parsed.statements.find((s) => s.range.start.line === n)!;
      const d: Diagnostic = { severity: 'error', code: classifyError(new PyError(err.pyType, err.message)), message: err.message, range: stmt.range };
      text = applyFix(text, preferred(fixesForError(d, cur.parsed)));
    }
    const done = run(text);
    assert.equal(done.errors.size, 0);
    const lines = text.split('\n');
    const at = (prefix: string) => done.values.get(lines.findIndex((l) => l.startsWith(prefix)) + 1)!;
    // d/dw sum((w x + b)^2) = sum 2 (w x + b) x at w=0, b=1, x=[1, 2]: 2·1 + 2·2 = 6
    assert.equal(compareExpected(at('jax.grad(residuals)'), '6.0', done.interp).ok, true);
    assert.equal(compareExpected(at('jax.grad(loss)(0.0'), '6.0', done.interp).ok, true);
    // d/dx sum((w x + b)^2) = 2 (w x + b) w = 0 at w = 0
    assert.equal(compareExpected(at('jax.grad(loss, argnums=2)'), '[0. 0.]', done.interp).ok, true);
  });
});

describe('check with the engine: decorated annotated functions', () => {
  it('a jitted function binds keyword arguments to positions like the def', () => {
    const src = HEADER + '# @grad w=2.0, x=jnp.array([1.0, 3.0])\n@jax.jit\ndef f(w, x):\n    return jnp.sum(w * x)\n';
    const ran = run(src);
    const [a] = findAnnotations(ran.parsed).annotations;
    const { report, diagnostics } = runAnnotation(ran.interp, a, { modules: ran.modules, parsed: ran.parsed });
    assert.deepEqual(diagnostics, []);
    assert.equal(compareExpectedTree(report.result!, '4.0').ok, true);
  });
});
