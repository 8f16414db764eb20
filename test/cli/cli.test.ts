// The `gradlens` command end to end, as a user runs it: the bundled dist/cli.js on the example
// files. Expected values are DESIGN §1's closed forms and JAX's exact texts (SEMANTICS §1).

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const example = (name: string) => path.join(root, 'examples', name);

function gradlens(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  values: { line: number; result: unknown; expected?: { ok: boolean } }[];
  diagnostics: { severity: string; code: string; errorType?: string; message: string; range: { start: { line: number } }; fixes?: unknown[] }[];
}

function json(file: string, ...flags: string[]): JsonReport {
  const r = gradlens('check', '--json', ...flags, file);
  return JSON.parse(r.stdout.trim().split('\n')[0]) as JsonReport;
}

const weakScalar = (value: number) => ({ value, dtype: 'float32', shape: [], weak_type: true, repr: `Array(${value}., dtype=float32, weak_type=True)` });

describe('gradlens check', () => {
  it('shows the worked example: 4.0, [2. 2.] and the pair, and exits 0', () => {
    const r = gradlens('check', example('worked_example.py'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /jax\.grad\(f\)\(2\.0, x\)\s+→ Array\(4\., dtype=float32, weak_type=True\)/);
    assert.match(r.stdout, /→ Array\(\[2\., 2\.\], dtype=float32\)/);
    assert.match(r.stdout, /→ \(Array\(4\., dtype=float32, weak_type=True\), Array\(\[2\., 2\.\], dtype=float32\)\)/);
  });

  it('encodes values as the corpus TREE in --json, with every expectation met', () => {
    const report = json(example('worked_example.py'));
    const byLine = new Map(report.values.map((v) => [v.line, v]));
    assert.deepEqual(byLine.get(17)?.result, weakScalar(4));
    assert.deepEqual(byLine.get(18)?.result, { value: [2, 2], dtype: 'float32', shape: [2], weak_type: false, repr: 'Array([2., 2.], dtype=float32)' });
    assert.deepEqual(byLine.get(19)?.result, { tuple: [weakScalar(4), byLine.get(18)?.result] });
    assert.ok(report.values.every((v) => v.expected?.ok === true));
  });

  it('reports each pitfall with JAX\'s text on its line, a code and a fix, and exits 1', () => {
    const r = gradlens('check', example('pitfalls.py'));
    assert.equal(r.status, 1);
    const errors = json(example('pitfalls.py')).diagnostics.filter((d) => d.severity === 'error');
    const seen = errors.map((d) => [d.range.start.line, d.code, d.errorType]);
    assert.deepEqual(seen, [
      [18, 'non-scalar-output', 'TypeError'],
      [22, 'argnums-out-of-range', 'TypeError'],
      [25, 'integer-input', 'TypeError'],
      [28, 'call-instead-of-function', 'TypeError'],
    ]);
    assert.equal(
      errors[0].message,
      'Gradient only defined for scalar-output functions. Output had shape: (2,). To get the gradient, reduce the output to a scalar with output.sum(), or use jax.jacobian to differentiate a function with a non-scalar output.',
    );
    assert.match(errors[1].message, /^differentiating with respect to argnums=3 requires at least 4 positional arguments to be passed by the caller, but got only 3 positional arguments\.$/);
    assert.match(errors[2].message, /but got int32\. If you want to use Boolean- or integer-valued inputs, use vjp or set allow_int to True\.$/);
    // loss(0.0, 1.0, x) = (0*1 + 1)² + (0*2 + 1)² = 2.0, formatted as a Python scalar.
    assert.equal(errors[3].message, 'Expected a callable value, got 2.0');
    assert.ok(errors.every((d) => (d.fixes?.length ?? 0) > 0));
  });

  it('--fix turns the pitfalls into a file that checks clean, with the intended gradients', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gradlens-'));
    try {
      const copy = path.join(dir, 'pitfalls.py');
      copyFileSync(example('pitfalls.py'), copy);
      const fixed = gradlens('check', '--fix', copy);
      assert.equal(fixed.status, 0, fixed.stdout);
      assert.match(readFileSync(copy, 'utf8'), /return jnp\.sum\(\(w \* x \+ b\) \*\* 2\)/);
      const report = json(copy);
      assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), []);
      // d/dw Σ(w·xᵢ + b)² at w=0, b=1, x=[1, 2] is Σ 2·b·xᵢ = 6; d/dx is 2(w·x + b)·w = [0, 0].
      const values = new Map(report.values.map((v) => [v.line, v.result]));
      assert.deepEqual(values.get(18), weakScalar(6));
      assert.deepEqual(values.get(25), weakScalar(6));
      assert.deepEqual(values.get(28), weakScalar(6));
      assert.deepEqual((values.get(22) as { value: number[] }).value, [0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the grad_of_quadratic facts 6.0 and 30.0', () => {
    const report = json(example('grad_of_quadratic.py'));
    assert.deepEqual(report.values.map((v) => v.result), [weakScalar(6), weakScalar(30)]);
  });

  it('exits 2 on bad usage and names the problem', () => {
    assert.equal(gradlens('check').status, 2);
    assert.equal(gradlens('frobnicate').status, 2);
    const r = gradlens('check', '--nope', 'x.py');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --nope/);
  });

  it('prints one JSON object per file for several files', () => {
    const r = gradlens('check', '--json', example('worked_example.py'), example('grad_of_quadratic.py'));
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((l) => path.basename((JSON.parse(l) as { file: string }).file)), ['worked_example.py', 'grad_of_quadratic.py']);
  });
});

describe('gradlens exercise', () => {
  it('lists the track, starting with grad_of_quadratic', () => {
    const r = gradlens('exercise', 'list');
    assert.equal(r.status, 0);
    assert.match(r.stdout.split('\n')[0], /grad_of_quadratic/);
  });

  it('passes the worked solution (exit 0) and fails the starter-like mistake (exit 1)', () => {
    assert.equal(gradlens('exercise', 'test', 'grad_of_quadratic', example('grad_of_quadratic.py')).status, 0);
    const r = gradlens('exercise', 'test', 'grad_of_quadratic', example('worked_example.py'));
    assert.equal(r.status, 1);
  });

  it('exits 2 for an unknown exercise', () => {
    assert.equal(gradlens('exercise', 'show', 'no_such_exercise').status, 2);
  });
});
