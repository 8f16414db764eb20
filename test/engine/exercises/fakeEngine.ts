// A stand-in for `checkSource` in runner tests: it finds the test calls the runner appended,
// reads their arguments back (with @lezer/python, see pyLiteral.ts) and answers each one with a
// TypeScript model of some learner's function: a value (as a report Tree) or a Python exception.
// It lets the runner's comparison and mistake detection be tested before the engine exists.

import type { CheckFn } from '../../../src/exercises/runner';
import { TEST_JNP } from '../../../src/exercises/runner';
import type { Diagnostic, FunctionInfo, Range, Report, Tree } from '../../../src/engine/report';
import { type Literal, parseKeywordArgs } from './pyLiteral';

export type Answer = { value: Tree } | { error: { type: string; message: string } };
export type Model = (args: Record<string, Literal>) => Answer;

export function range(line: number): Range {
  return { start: { line, column: 0, offset: 0 }, end: { line, column: 1, offset: 1 } };
}

type NestedNumbers = number | NestedNumbers[];

function shapeOf(v: NestedNumbers): number[] {
  return Array.isArray(v) ? [v.length, ...(v.length ? shapeOf(v[0]) : [])] : [];
}

function encode(v: NestedNumbers): unknown {
  if (Array.isArray(v)) return v.map(encode);
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return Math.fround(v);
}

/** A float32 array leaf as the engine would report it (the repr is only displayed). */
export function f32(value: NestedNumbers, dtype = 'float32'): Tree {
  return { value: encode(value) as number, dtype, shape: shapeOf(value), weak_type: false, repr: `Array(${JSON.stringify(encode(value))}, dtype=${dtype})` };
}

export const tupleOf = (...items: Tree[]): Tree => ({ tuple: items });

/**
 * An engine whose every appended call of `entry` is answered by `model`. `extra` adds
 * diagnostics (e.g. an error in the learner's own code); `functions` is the report's list of
 * top-level definitions.
 */
export function fakeEngine(
  entry: string,
  model: Model,
  extra: Diagnostic[] = [],
  functions: FunctionInfo[] = [],
): CheckFn & { sources: string[] } {
  const sources: string[] = [];
  const check = (source: string): Report => {
    sources.push(source);
    const report: Report = { version: 1, file: 'x.py', values: [], annotations: [], functions, diagnostics: [...extra], output: [], log: [] };
    source.split('\n').forEach((text, i) => {
      const line = i + 1;
      if (!text.startsWith(`${entry}(`) || !text.endsWith(')')) return;
      const args = Object.fromEntries(parseKeywordArgs(text.slice(entry.length + 1, -1), TEST_JNP));
      const answer = model(args);
      if ('value' in answer) {
        report.values.push({ line, endLine: line, range: range(line), result: answer.value, repr: '', text: '' });
      } else {
        // As the engine reports an uncaught exception: at the raise, with the call in the traceback.
        report.diagnostics.push({
          severity: 'error',
          code: 'python-error',
          errorType: answer.error.type,
          message: answer.error.message,
          range: range(3),
          traceback: [
            { name: '<module>', range: range(line) },
            { name: entry, range: range(3) },
          ],
        });
      }
    });
    return report;
  };
  return Object.assign(check, { sources });
}
