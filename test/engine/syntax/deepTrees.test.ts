// Found by the long fuzz run (seed 12, chunk 22, program 455): a line of 3,000 nested `not`s
// with two unclosed brackets, then ordinary statements. @lezer/common's TreeCursor.iterate
// threw a TypeError on that tree, and the exception escaped checkSource. CPython reports
// "'[' was never closed" on line 1 (checked with `compile`) and the rest is unaffected.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSource } from '../../../src/engine/index';

describe('very deep syntax trees', () => {
  it('3,000 nested nots with unclosed brackets give CPython\'s syntax error, not an escaped exception', () => {
    // The fixture is read from the source tree (tsc does not copy .py files to out/).
    const file = path.resolve(__dirname, '../../../../test/engine/syntax/fixtures/deep-not-brackets.py');
    const r = checkSource(fs.readFileSync(file, 'utf8'), {});
    const syntax = r.diagnostics.filter((d) => d.errorType === 'SyntaxError');
    assert.deepEqual(syntax.map((d) => [d.range.start.line, d.message]), [[1, "'[' was never closed"]]);
    // The statements after it still run: the hessian line reaches JAX's input-dtype check.
    assert.ok(r.diagnostics.some((d) => d.message.startsWith('jacfwd requires real-valued inputs')));
  });
});

describe('an engine failure outside any statement', () => {
  it('becomes an internal-error diagnostic with the stack in the log, never an exception', () => {
    // Nothing in the engine throws here any more; a caller handing over a non-string is the
    // one way left to make parsing itself fail, and it must still give a report.
    const r = checkSource(undefined as unknown as string, {});
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.start.line]), [['internal-error', 1]]);
    assert.match(r.diagnostics[0].message, /^Grad Lens internal error: /);
    assert.match(r.log[0], /^internal error outside any statement: /);
  });
});
