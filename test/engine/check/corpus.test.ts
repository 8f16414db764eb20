// The reference corpus as an oracle for the checks: JAX's own results say which snippets are
// fine (a lint there would be a false alarm; a finite-difference mismatch on a gradient JAX
// computes correctly would be a false alarm too) and which raise (a lint there is expected).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkGradCall } from '../../../src/engine/check/evaluate';
import { lint } from '../../../src/engine/check/lints';
import { parseModule } from '../../../src/engine/interp';
import { run } from './engine';

interface Case {
  id: string;
  code: string;
  expect: { error_type?: string };
}

const CASES: Case[] = readFileSync('/work/shared/jax-reference/cases-public.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Case);

describe('check against the reference corpus', () => {
  it('lints fire only on snippets where JAX raises', () => {
    const falseAlarms = CASES.filter((c) => !c.expect.error_type && lint(parseModule(c.code)).length > 0).map((c) => c.id);
    assert.deepEqual(falseAlarms, []);
    const found = CASES.filter((c) => c.expect.error_type && lint(parseModule(c.code)).length > 0);
    assert.ok(found.length >= 5, `lints found ${found.length} of the erroring snippets`);
  });

  it('no finite-difference mismatch on a gradient JAX computes (kinks are reported as kinks)', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const c of CASES.filter((x) => !x.expect.error_type)) {
      const ran = run(c.code);
      const last = ran.parsed.statements[ran.parsed.statements.length - 1];
      const value = ran.values.get(last.range.start.line);
      if (!value) continue;
      const r = checkGradCall(ran.interp, last, value, ran.parsed);
      if (!r.finiteDifference) continue;
      checked++;
      if (!r.finiteDifference.ok && !r.finiteDifference.kink) mismatches.push(c.id);
    }
    assert.deepEqual(mismatches, []);
    assert.ok(checked >= 30, `checked ${checked} gradients`);
  });
});
