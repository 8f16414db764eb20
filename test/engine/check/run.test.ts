// checkSource as a whole: the order statements run in, progress marks, and that one failing
// statement does not stop the next (DESIGN §5).

import * as assert from 'node:assert/strict';
import { checkSource } from '../../../src/engine';
import type { Range } from '../../../src/engine/report';

describe('checkSource', () => {
  it('announces each top-level statement and annotation before running it, in order', () => {
    const marks: number[] = [];
    const source = ['import jax', '# @grad 3.0', 'def f(x):', '    return x * x', 'f(2.0)', 'undefined_name', 'f(4.0)'].join('\n');
    const report = checkSource(source, { onStatement: (r: Range) => marks.push(r.start.line), finiteDifferences: false });
    assert.deepEqual(marks, [1, 3, 2, 5, 6, 7]);
    // f(2.0) = 4, then the NameError, then f(4.0) = 16 still runs; the annotation gives 2·3 = 6.
    assert.deepEqual(report.values.map((v) => [v.line, v.text]), [[5, '4.0'], [7, '16.0']]);
    assert.equal(report.annotations[0].text, '6.0');
    assert.deepEqual(report.diagnostics.map((d) => [d.range.start.line, d.errorType, d.message]), [
      [6, 'NameError', "name 'undefined_name' is not defined"],
    ]);
  });

  it('skips a statement that does not parse and runs the rest', () => {
    const report = checkSource('x = 2.0\nx * 3\ny = (x +\n', { finiteDifferences: false });
    assert.deepEqual(report.diagnostics.map((d) => [d.range.start.line, d.code, d.errorType]), [[3, 'syntax-error', 'SyntaxError']]);
    assert.deepEqual(report.values.map((v) => [v.line, v.text]), [[2, '6.0']]);
  });

  it('gives each top-level statement its own step budget, and counts elements over the run', () => {
    const source = 'import jax.numpy as jnp\nwhile True:\n    pass\nx = jnp.zeros((100000, 100000))\nsum(range(10))\n';
    const report = checkSource(source, { limits: { maxSteps: 10_000 }, finiteDifferences: false });
    assert.deepEqual(report.diagnostics.map((d) => [d.range.start.line, d.errorType]), [[3, 'BudgetExceeded'], [4, 'BudgetExceeded']]);
    assert.match(report.diagnostics[0].message, /after 10,000 steps: does a loop run forever\?/);
    assert.match(report.diagnostics[1].message, /array of shape \(100000, 100000\)/);
    assert.deepEqual(report.values.map((v) => v.text), ['45']);
  });
});
