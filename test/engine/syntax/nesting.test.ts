// Regressions found by the fuzzer in the syntax layer.
import * as assert from 'node:assert/strict';
import { checkSource } from '../../../src/engine/index';
import { parseModule } from '../../../src/engine/syntax';

describe('deep nesting and runaway syntax errors (found by fuzzing)', () => {
  it('10^4 nested parentheses: one SyntaxError "too many nested parentheses" at the 201st, fast', () => {
    // CPython's tokenizer stops at 200 nested brackets (MAXLEVEL) and refuses the file.
    const src = 'x = ' + '('.repeat(10_000) + '1' + ')'.repeat(10_000) + '\nx\n';
    const t0 = Date.now();
    const m = parseModule(src);
    assert.ok(Date.now() - t0 < 500, `took ${Date.now() - t0} ms`);
    assert.deepEqual(m.syntaxErrors.map((e) => [e.message, e.span.from]), [['too many nested parentheses', 4 + 200]]);
    assert.equal(m.statements.length, 0);
  });

  it('200 nested brackets are still fine; mixed kinds count together', () => {
    const ok = parseModule('x = ' + '['.repeat(100) + '('.repeat(100) + '1' + ')'.repeat(100) + ']'.repeat(100) + '\n');
    assert.deepEqual(ok.syntaxErrors, []);
    const bad = parseModule('x = ' + '['.repeat(101) + '('.repeat(100) + '1' + ')'.repeat(100) + ']'.repeat(101) + '\n');
    assert.equal(bad.syntaxErrors[0].message, 'too many nested parentheses');
  });

  it('brackets inside strings and comments do not count', () => {
    const m = parseModule(`s = "${'('.repeat(300)}"\n# ${'['.repeat(300)}\nt = '''${'{'.repeat(300)}'''\ns\n`);
    assert.deepEqual(m.syntaxErrors, []);
    assert.equal(m.statements.length, 3);
  });

  it('a line of 5000 stray closers gives one SyntaxError, not 5000', () => {
    const r = checkSource(')'.repeat(5000) + '\n');
    const errors = r.diagnostics.filter((d) => d.code === 'syntax-error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, "unmatched ')'");
  });
});
