// Test helpers: run Python source through the interpreter and inspect results.

import assert from 'node:assert/strict';
import { RunContext, withRunContext, type Limits } from '../../../src/engine/context';
import { Interpreter, parseModule, pyRepr, type ModuleRegistry, type PyObject, type RunResult } from '../../../src/engine/interp';

export interface Outcome {
  interp: Interpreter;
  results: RunResult[];
  /** repr() of the last expression statement's value. */
  last: string | undefined;
  output: string[];
}

export function run(source: string, options: { modules?: ModuleRegistry; limits?: Partial<Limits> } = {}): Outcome {
  const ctx = new RunContext({ limits: options.limits });
  return withRunContext(ctx, () => {
    const interp = new Interpreter({ modules: options.modules });
    const parsed = parseModule(source);
    assert.deepEqual(parsed.syntaxErrors.map((e) => e.message), [], 'unexpected syntax errors');
    const results: RunResult[] = [];
    let last: string | undefined;
    for (const s of parsed.statements) {
      const r = interp.runStatement(s);
      results.push(r);
      if (r.ok && r.value) last = pyRepr(r.value);
    }
    return { interp, results, last, output: interp.output };
  });
}

/** repr() of the value of a single expression, evaluated after `setup`. */
export function evalRepr(expr: string, setup = ''): string {
  const o = run(`${setup}\n${expr}\n`);
  const failed = o.results.find((r) => !r.ok);
  if (failed && !failed.ok) assert.fail(`${failed.error.pyType}: ${failed.error.message}`);
  const lastResult = o.results[o.results.length - 1];
  assert.ok(lastResult.ok && lastResult.value, 'the last statement has no value');
  return pyRepr(lastResult.value as PyObject);
}

/** The `Type: message` of the first failing statement. */
export function errorOf(source: string, options: { modules?: ModuleRegistry; limits?: Partial<Limits> } = {}): string {
  const o = run(source, options);
  const failed = o.results.find((r) => !r.ok);
  assert.ok(failed && !failed.ok, 'expected an error');
  if (failed.internal) throw failed.internal;
  return `${failed.error.pyType}: ${failed.error.message}`;
}
