// The engine's public entry points. Everything returned is plain data (report.ts).

import type { Limits } from './context';
import { runCheck } from './check/run';
import type { Range, Report } from './report';

export type { Report } from './report';

export interface CheckOptions {
  /** Shown in the report's `file` field. */
  fileName?: string;
  /** Start with jax_enable_x64 on (the file can still switch it with jax.config.update). */
  x64?: boolean;
  /** Budgets for this run (steps, elements); defaults in context.ts. */
  limits?: Partial<Limits>;
  /** Run the finite-difference check on every gradient shown (default true). */
  finiteDifferences?: boolean;
  /** Called before each top-level statement (and annotation) runs, so a host that stops a run
   *  from outside (a timeout) knows which code was running. */
  onStatement?: (range: Range) => void;
}

/** Checks one Python file: evaluates it top to bottom and reports values and diagnostics. */
export function checkSource(source: string, options: CheckOptions = {}): Report {
  return runCheck(source, options);
}
