// The editor's text, from report data: labels in the formats issue #5 shows (`∇w = 4.0  ✓`,
// `→ [2. 2.]`), abbreviation of long arrays, annotation directives, hovers, sample arguments.

import * as assert from 'node:assert/strict';
import type { AnnotationReport, ValueReport } from '../../../src/engine/report';
import {
  abbreviate, annotationLabel, compactText, hoverMarkdown, parseDirective, resultName, sampleArguments, treeText, valueLabel,
} from '../../../src/extension/inlineText';

const pos = (line: number) => ({ line, column: 0, offset: 0 });
const range = (line: number) => ({ start: pos(line), end: pos(line) });
// JAX's repr/str of jax.grad(f, argnums=1)(2.0, jnp.array([1.0, 3.0])) (DESIGN §1).
const twoTwo = { value: [2, 2], dtype: 'float32', shape: [2], weak_type: false, repr: 'Array([2., 2.], dtype=float32)' };
const four = { value: 4, dtype: 'float32', shape: [], weak_type: true, repr: 'Array(4., dtype=float32, weak_type=True)' };

describe('inline text', () => {
  it('leaves short values alone and cuts long ones in the middle, on one line', () => {
    assert.equal(abbreviate('[2. 2.]'), '[2. 2.]');
    assert.equal(abbreviate('[[1. 2.]\n [3. 4.]]'), '[[1. 2.] [3. 4.]]');
    const long = `[${Array.from({ length: 100 }, (_, i) => `${i}.`).join(' ')}]`;
    const cut = abbreviate(long, 40);
    assert.ok(cut.length <= 40, cut);
    assert.ok(cut.startsWith('[0. 1. 2.') && cut.endsWith('98. 99.]') && cut.includes(' … '), cut);
  });

  it('reads the transform and argnums of an annotation comment', () => {
    assert.deepEqual(parseDirective('# @grad w=2.0, x=jnp.array([1.0, 3.0])'), { transform: 'grad', argnums: 0 });
    assert.deepEqual(parseDirective('    # @grad(argnums=(0, 1)) 2.0, x'), { transform: 'grad', argnums: [0, 1] });
    assert.deepEqual(parseDirective('# @value_and_grad(argnums=1) 2.0, x'), { transform: 'value_and_grad', argnums: 1 });
    assert.equal(parseDirective('x = 1  # not a directive'), undefined);
  });

  it('names gradients after the differentiated parameters', () => {
    assert.equal(resultName('grad', ['w', 'x'], 0), '∇w');
    assert.equal(resultName('grad', ['w', 'x'], [0, 1]), '∇(w, x)');
    assert.equal(resultName('value_and_grad', ['w', 'x'], 1), '(value, ∇x)');
    assert.equal(resultName('hessian', ['w'], 0), 'hessian');
  });

  it('labels an annotated gradient with its finite-difference check', () => {
    const a: AnnotationReport = { function: 'f', line: 9, transform: 'grad', range: range(9), result: four, text: '4.0', finiteDifference: { ok: true, maxError: 1e-5 } };
    assert.deepEqual(annotationLabel(a, ['w', 'x'], '# @grad w=2.0, x=jnp.array([1.0, 3.0])'), { text: '∇w = 4.0  ✓', kind: 'match' });
    const bad = { ...a, finiteDifference: { ok: false, maxError: 0.25 } };
    assert.deepEqual(annotationLabel(bad, ['w', 'x'], '# @grad 2.0, x'), { text: '∇w = 4.0  ✗ finite differences differ (2.5e-1)', kind: 'mismatch' });
    assert.equal(annotationLabel({ ...a, result: undefined, text: undefined }, ['w'], ''), undefined);
  });

  it('labels values with their expectation', () => {
    const v: ValueReport = { line: 18, endLine: 18, range: range(18), result: twoTwo, repr: twoTwo.repr, text: '[2. 2.]' };
    assert.deepEqual(valueLabel(v), { text: '→ [2. 2.]', kind: 'value' });
    assert.deepEqual(valueLabel({ ...v, expected: { text: '[2. 2.]', ok: true } }), { text: '→ [2. 2.]  ✓', kind: 'match' });
    assert.deepEqual(valueLabel({ ...v, expected: { text: '[3. 3.]', ok: false } }), { text: '→ [2. 2.]  ✗ expected [3. 3.]', kind: 'mismatch' });
  });

  it('shows containers by the str() of their elements', () => {
    // value_and_grad(f)(2.0, x) of the worked example: (8.0, 4.0); argnums=(0, 1): (4.0, [2. 2.]).
    const eight = { value: 8, dtype: 'float32', shape: [], weak_type: false, repr: 'Array(8., dtype=float32)' };
    assert.equal(compactText({ tuple: [eight, four] }, '(Array(8., dtype=float32), Array(4., dtype=float32, weak_type=True))'), '(8.0, 4.0)');
    assert.equal(compactText({ tuple: [four, twoTwo] }, undefined), '(4.0, [2. 2.])');
    const m = { value: [[1, 2], [3, 4]], dtype: 'float32', shape: [2, 2], weak_type: false, repr: 'Array([[1., 2.],\n       [3., 4.]], dtype=float32)' };
    assert.equal(abbreviate(compactText({ list: [m] }, undefined)), '[[[1. 2.] [3. 4.]]]');
    const tiny = { value: 1e-5, dtype: 'float32', shape: [], weak_type: false, repr: 'Array(1.e-05, dtype=float32)' };
    assert.equal(compactText({ tuple: [tiny] }, undefined), '(1e-05,)'); // Python: str(np.float32(1e-05))
    assert.equal(compactText(twoTwo, '[2. 2.]'), '[2. 2.]', 'a single value keeps the report text');
  });

  it('renders trees as Python would show them', () => {
    assert.equal(treeText({ tuple: [four, twoTwo] }), '(Array(4., dtype=float32, weak_type=True), Array([2., 2.], dtype=float32))');
    assert.equal(treeText({ tuple: [{ python: 'float', value: 8 }] }), '(8,)');
  });

  it('puts the full repr, dtype, shape, weak type and checks in the hover', () => {
    const md = hoverMarkdown('value of line 19', { tuple: [four, twoTwo] }, { ok: true, maxError: 1.5e-5 }, { text: '(4.0, [3. 3.])', ok: false, got: '(4.0, [2. 2.])' });
    for (const part of [
      'Array(4., dtype=float32, weak_type=True)', 'Array([2., 2.], dtype=float32)', 'dtype `float32`', 'shape `()`',
      'shape `(2,)`', 'weak type `True`', 'weak type `False`', '`[0]`', '`[1]`', 'Finite differences agree',
      'Expected `(4.0, [3. 3.])`, got `(4.0, [2. 2.])`',
    ]) assert.ok(md.includes(part), `missing ${part} in\n${md}`);
  });

  it('offers float sample arguments, arrays for array-like names', () => {
    assert.equal(sampleArguments(['w', 'x']), 'w=1.0, x=jnp.ones(3)');
    assert.equal(sampleArguments(['w', 'b', 'inputs', 'targets']), 'w=1.0, b=1.0, inputs=jnp.ones(3), targets=jnp.ones(3)');
    assert.equal(sampleArguments(['params', '*args']), 'params=jnp.ones(3)');
  });
});
