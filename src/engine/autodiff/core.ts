// `bind`: the dispatch core of the autodiff engine (autodidax's design). It hands a primitive
// to the highest-level trace among its arguments, or runs the primitive's impl when no
// argument is a tracer. Tracers and traces live in tracer.ts (kept free of the rule table so
// the traces can extend Tracer whatever the module load order).

import { NDArray } from '../array/ndarray';
import { runContext } from '../context';
import type { ParamsOf, PrimitiveName } from './primitives/types';
import { RULES } from './primitives/table';
import { escapedTracerError, Tracer, type Trace, type Value } from './tracer';

export * from './tracer';

/** Applies primitive `prim` to `args`: dispatches to the top trace, or evaluates concretely. */
export function bind<P extends PrimitiveName>(prim: P, args: readonly Value[], params: ParamsOf<P>): Value[] {
  // Every primitive application is a step of the run's budget: a loop whose body is array work
  // (a gradient per iteration) must meet its step budget in time proportional to that work.
  runContext().step();
  let top: Trace | undefined;
  for (const a of args) {
    if (a instanceof Tracer) {
      if (!a.trace.active) throw escapedTracerError(a);
      if (!top || a.trace.level > top.level) top = a.trace;
    }
  }
  const rules = RULES[prim];
  if (!top) {
    const arrays = args as NDArray[];
    // The shape/dtype rule raises JAX's errors before any kernel runs.
    if (!rules.tracesUserCode) rules.abstractEval(arrays, params);
    return rules.impl(arrays, params);
  }
  const trace = top;
  const tracers = args.map((a) => (a instanceof Tracer && a.trace === trace ? a : trace.lift(a)));
  return trace.processPrimitive(prim, tracers, params);
}

/** `bind` for the (common) primitives with exactly one result. */
export function bind1<P extends PrimitiveName>(prim: P, args: readonly Value[], params: ParamsOf<P>): Value {
  return bind(prim, args, params)[0];
}

