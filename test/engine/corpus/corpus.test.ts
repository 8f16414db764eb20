// Runs every case of the JAX reference corpus (shared/jax-reference/cases-public.jsonl) through
// the engine end to end and compares with the expected results from JAX's tests, closed forms
// and independent oracles. Cases the engine cannot do yet are listed with a reason in
// out-of-reach.json; that list may only shrink: a listed case that starts passing fails the test
// until it is removed from the list.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSource } from '../../../src/engine';
import type { Diagnostic, Report } from '../../../src/engine/report';
import { compareTree } from './compare';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Case {
  id: string;
  category: string;
  code: string;
  expect: { [k: string]: Json };
}

const repoRoot = path.join(__dirname, '..', '..', '..', '..');
const corpusPath = path.join(repoRoot, '..', 'shared', 'jax-reference', 'cases-public.jsonl');
const outOfReachPath = path.join(repoRoot, 'test', 'engine', 'corpus', 'out-of-reach.json');

function loadCases(): Case[] {
  return fs
    .readFileSync(corpusPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
}

function errorMatches(d: Diagnostic, e: { [k: string]: Json }): string[] {
  const problems: string[] = [];
  const types = [e.error_type as string, ...((e.isinstance as string[] | undefined) ?? [])];
  if (d.errorType !== e.error_type) problems.push(`error type ${d.errorType} != ${e.error_type} (wanted also ${types.join(', ')})`);
  if (!d.message.includes(e.error_match as string)) problems.push(`message ${JSON.stringify(d.message)} lacks ${JSON.stringify(e.error_match)}`);
  if (typeof e.full_message === 'string') {
    const withoutUrl = d.message.replace(/\nSee https:\/\/docs\.jax\.dev\/\S+$/, '');
    if (withoutUrl !== e.full_message) problems.push(`full message ${JSON.stringify(withoutUrl)} != ${JSON.stringify(e.full_message)}`);
  }
  for (const s of (e.also_contains as string[] | undefined) ?? []) {
    if (!d.message.includes(s)) problems.push(`message lacks ${JSON.stringify(s)}`);
  }
  for (const s of (e.must_not_contain as string[] | undefined) ?? []) {
    if (d.message.includes(s)) problems.push(`message must not contain ${JSON.stringify(s)}`);
  }
  return problems;
}

/** Why the case fails, or [] when it passes. */
export function judgeCase(c: Case, report: Report): string[] {
  const e = c.expect;
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if ('error_type' in e) {
    if (errors.length === 0) return [`expected ${e.error_type}, got no error (values: ${report.values.map((v) => v.repr).join('; ')})`];
    const last = errors[errors.length - 1];
    return errorMatches(last, e);
  }
  if (errors.length > 0) return errors.map((d) => `unexpected ${d.errorType}: ${d.message} (line ${d.range.start.line})`);
  const problems: string[] = [];
  if (typeof e.warning === 'string') {
    const w = report.diagnostics.find((d) => d.severity === 'warning' && d.errorType === e.warning);
    if (!w) problems.push(`expected a ${e.warning}`);
    else if (typeof e.warning_match === 'string' && !w.message.includes(e.warning_match)) {
      problems.push(`warning ${JSON.stringify(w.message)} lacks ${JSON.stringify(e.warning_match)}`);
    }
  }
  const last = report.values[report.values.length - 1];
  if ('dtype_result' in e) {
    return problems.concat(compareTree(last?.result, { python: 'dtype', value: e.dtype_result }));
  }
  const want = 'tree' in e ? e.tree : e;
  return problems.concat(compareTree(last?.result, want));
}

function runCase(c: Case): string[] {
  try {
    return judgeCase(c, checkSource(c.code, { fileName: `${c.id}.py`, finiteDifferences: false }));
  } catch (err) {
    return [`engine threw: ${(err as Error).stack ?? String(err)}`];
  }
}

describe('JAX reference corpus', () => {
  const cases = loadCases();
  const outOfReach = JSON.parse(fs.readFileSync(outOfReachPath, 'utf8')) as Record<string, string>;
  const tally = new Map<string, { passed: number; total: number }>();

  after(() => {
    const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
    const passed = rows.reduce((n, [, t]) => n + t.passed, 0);
    const lines = rows.map(([cat, t]) => `    ${cat.padEnd(16)} ${t.passed}/${t.total}`);
    console.log(`\n  corpus: ${passed}/${cases.length} cases pass\n${lines.join('\n')}`);
  });

  it('lists only known case ids as out of reach', () => {
    const ids = new Set(cases.map((c) => c.id));
    assert.deepEqual(Object.keys(outOfReach).filter((id) => !ids.has(id)), []);
  });

  for (const c of cases) {
    const listed = c.id in outOfReach;
    it(`${c.category}: ${c.id}${listed ? ' (out of reach)' : ''}`, () => {
      const problems = runCase(c);
      const t = tally.get(c.category) ?? { passed: 0, total: 0 };
      t.total++;
      if (problems.length === 0) t.passed++;
      tally.set(c.category, t);
      if (listed) {
        assert.ok(problems.length > 0, `${c.id} passes now: remove it from test/engine/corpus/out-of-reach.json`);
      } else {
        assert.deepEqual(problems, [], `${c.id}:\n${c.code}`);
      }
    });
  }
});
