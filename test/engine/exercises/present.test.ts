import assert from 'node:assert/strict';
import { CATALOG, exerciseById } from '../../../src/exercises/catalog';
import { exerciseView, formatExercise, formatList, formatRunResult } from '../../../src/exercises/present';
import type { RunResult } from '../../../src/exercises/runner';
import type { Exercise } from '../../../src/exercises/types';
import { argumentsText } from '../../../src/exercises/values';

const quadratic = exerciseById('grad_of_quadratic') as Exercise;

describe('exercises: what the panel and the CLI show', () => {
  it('gives a JSON view with the visible examples and DESIGN\'s expected values', () => {
    const view = exerciseView(quadratic);
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view, 'plain JSON');
    assert.equal(view.level, 'beginner');
    assert.deepEqual(
      view.examples.map((e) => [e.call, e.expected]),
      [
        ['grad_of_quadratic(w=0.0, b=1.0, x=jnp.array([1.0, 2.0]))', '6.0'],
        ['grad_of_quadratic(w=1.0, b=2.0, x=jnp.array([3.0]))', '30.0'],
      ],
    );
    assert.equal(view.hiddenTestCount, quadratic.hiddenTests.length);
  });

  it('reveals no hidden input, hint or solution in the view', () => {
    for (const exercise of CATALOG) {
      const text = JSON.stringify(exerciseView(exercise));
      for (const test of exercise.hiddenTests) assert.ok(!text.includes(argumentsText(test.args)), `${exercise.id}/${test.id}`);
      for (const hint of exercise.hints) assert.ok(!text.includes(hint), `${exercise.id}: hint`);
      const starter = new Set(exercise.starterCode.split('\n').map((l) => l.trim()));
      const secret = exercise.solution.split('\n').filter((l) => l.trim().length > 12 && !starter.has(l.trim()));
      assert.ok(secret.length > 0, `${exercise.id}: the solution differs from the starter`);
      for (const line of secret) assert.ok(!text.includes(JSON.stringify(line.trim()).slice(1, -1)), `${exercise.id}: solution line ${line}`);
    }
  });

  it('lists the track with status marks and shows an exercise', () => {
    const lines = formatList(CATALOG, { grad_of_quadratic: 'solved' });
    assert.equal(lines.length, CATALOG.length);
    assert.match(lines[0], /^ 1\. grad_of_quadratic +Gradient of a quadratic loss \(beginner\)  \[solved\]$/);
    const shown = formatExercise(quadratic).join('\n');
    assert.ok(shown.includes('  grad_of_quadratic(w=0.0, b=1.0, x=jnp.array([1.0, 2.0]))\n    -> 6.0'));
    assert.ok(shown.includes('    def grad_of_quadratic(w, b, x):'));
  });

  it('renders a run: failures with expected and got, feedback, and the verdict', () => {
    const result: RunResult = {
      exerciseId: 'grad_of_quadratic',
      passed: false,
      outcomes: [
        { id: 'a', description: 'first', visible: true, call: 'f(w=0.0)', status: 'passed', expected: '6.0', got: '6.0' },
        { id: 'b', description: 'hidden one', visible: false, call: 'f(w=1.0)', status: 'failed', expected: '30.0', got: 'Array(10., dtype=float32)', reason: 'expected 30.0, got 10.0' },
      ],
      mistakes: [{ id: 'wrong-argument', feedback: 'Your result is the derivative with respect to b.' }],
      fileErrors: [],
    };
    assert.deepEqual(formatRunResult(result), [
      'PASS    f(w=0.0)',
      "FAIL    hidden test 'b' (hidden one)",
      '        expected 30.0',
      '        got      Array(10., dtype=float32)',
      '',
      '* Your result is the derivative with respect to b.',
      '',
      '1/2 tests passed: not solved yet',
    ]);
  });
});
