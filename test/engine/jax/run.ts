// Test helper: runs Python source through the interpreter with the jax modules and returns the
// value of the last expression statement (or its error).

import { RunContext, withRunContext } from '../../../src/engine/context';
import { PyError } from '../../../src/engine/errors';
import { Interpreter, parseModule, type PyObject } from '../../../src/engine/interp';
import { jaxModules } from '../../../src/engine/jax/modules';

export interface RunOutcome {
  value?: PyObject;
  error?: PyError;
  warnings: { category: string; message: string }[];
  output: string[];
}

export function runPython(source: string, options: { x64?: boolean } = {}): RunOutcome {
  const ctx = new RunContext({ x64: options.x64 });
  return withRunContext(ctx, () => {
    const interp = new Interpreter({ modules: jaxModules() });
    const parsed = parseModule(source);
    let value: PyObject | undefined;
    for (const s of parsed.statements) {
      const r = interp.runStatement(s);
      if (!r.ok) {
        if ((r as { internal?: unknown }).internal) throw (r as { internal?: unknown }).internal;
        return { error: r.error, warnings: ctx.warnings, output: interp.output };
      }
      value = r.value;
    }
    return { value, warnings: ctx.warnings, output: interp.output };
  });
}

/** A TREE (report encoding) without its `repr` fields, to compare values, dtypes and shapes only. */
export function withoutReprs(t: unknown): unknown {
  if (Array.isArray(t)) return t.map(withoutReprs);
  if (t && typeof t === 'object') {
    const o = { ...(t as Record<string, unknown>) };
    delete o.repr;
    for (const k of Object.keys(o)) o[k] = withoutReprs(o[k]);
    return o;
  }
  return t;
}
