// Runs a snippet through the real interpreter and jax modules, as run.ts will.

import { Interpreter, parseModule, type ParsedModule, type PyObject } from '../../../src/engine/interp';
import { jaxModules } from '../../../src/engine/jax/modules';
import type { ModuleRegistry } from '../../../src/engine/interp';

export interface Ran {
  parsed: ParsedModule;
  interp: Interpreter;
  modules: ModuleRegistry;
  /** Value of each expression statement, by 1-based line. */
  values: Map<number, PyObject>;
  errors: Map<number, { pyType: string; message: string }>;
}

export function run(source: string): Ran {
  const parsed = parseModule(source);
  const modules = jaxModules();
  const interp = new Interpreter({ modules });
  const values = new Map<number, PyObject>();
  const errors = new Map<number, { pyType: string; message: string }>();
  for (const s of parsed.statements) {
    if (!s.stmt) continue;
    const r = interp.runStatement(s);
    if (!r.ok) errors.set(s.range.start.line, r.error);
    else if (r.value) values.set(s.range.start.line, r.value);
  }
  return { parsed, interp, modules, values, errors };
}
