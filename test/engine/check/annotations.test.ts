import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findAnnotations } from '../../../src/engine/check/annotations';
import { parse } from './helpers';

describe('check/annotations', () => {
  it('reads the worked example annotation', () => {
    const src = readFileSync('examples/worked_example.py', 'utf8');
    const { annotations, diagnostics } = findAnnotations(parse(src));
    assert.deepEqual(diagnostics, []);
    assert.equal(annotations.length, 1);
    const [a] = annotations;
    assert.equal(a.transform, 'grad');
    assert.equal(a.functionName, 'f');
    assert.equal(a.argsText, 'w=2.0, x=jnp.array([1.0, 3.0])');
    assert.equal(a.optionsText, '');
    assert.equal(src.slice(a.argsSpan.from, a.argsSpan.to), a.argsText);
    assert.equal(a.line, src.split('\n').findIndex((l) => l.startsWith('# @grad')) + 1);
  });

  it('options in parentheses, above decorators, after an ordinary comment', () => {
    const src = [
      'import jax',
      '# computes something',
      '# @value_and_grad(argnums=(0, 1), has_aux=True) 2.0, jnp.array([1.0, 3.0])',
      '@jax.jit',
      'def g(a, b):',
      '    return a, b',
    ].join('\n');
    const { annotations, diagnostics } = findAnnotations(parse(src));
    assert.deepEqual(diagnostics, []);
    assert.equal(annotations[0].transform, 'value_and_grad');
    assert.equal(annotations[0].optionsText, 'argnums=(0, 1), has_aux=True');
    assert.equal(annotations[0].argsText, '2.0, jnp.array([1.0, 3.0])');
    assert.equal(annotations[0].functionName, 'g');
  });

  for (const [name, comment, pattern] of [
    ['an unclosed option list', '# @grad(argnums=(0, 1) 2.0', /was never closed/],
    ['positional options', '# @grad(0) 2.0', /keyword arguments/],
    ['arguments that are not Python', '# @hessian x=, y', /not a valid Python argument list/],
    ['no arguments', '# @jacfwd', /needs the arguments/],
  ] as const) {
    it(`reports ${name} on the comment (annotation-syntax)`, () => {
      const src = `${comment}\ndef f(x):\n    return x\n`;
      const { annotations, diagnostics } = findAnnotations(parse(src));
      assert.equal(annotations.length, 0);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].code, 'annotation-syntax');
      assert.equal(diagnostics[0].range.start.line, 1);
      assert.equal(diagnostics[0].range.end.column, comment.length);
      assert.match(diagnostics[0].message, pattern);
    });
  }

  it('an annotation separated from its def by a blank line is reported, not applied', () => {
    const src = '# @grad x=1.0\n\ndef f(x):\n    return x\n';
    const { annotations, diagnostics } = findAnnotations(parse(src));
    assert.equal(annotations.length, 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['annotation-target', 1]]);
  });

  it('ignores other @words in comments and # @grad inside strings', () => {
    const src = '# @param x: the input\ns = """\n# @grad x=1.0\n"""\ndef f(x):\n    return x\n';
    assert.deepEqual(findAnnotations(parse(src)), { annotations: [], diagnostics: [] });
  });
});
