// Helpers shared by the higher-order primitives (cond, scan, while): staging a function of flat
// Values into a closure-converted jaxpr, widening a jaxpr's inputs, and restoring weak types.

import type { AVal } from '../../array/dtype';
import { avalOf, type Value } from '../tracer';
import { closeOverTracers, type Jaxpr, makeJaxpr, type TraceDebugInfo } from '../traces/staging';
import { matchWeakType } from './common';

/** A staged function: its jaxpr takes `consts` (captured tracers) first, then the arguments. */
export interface Staged {
  jaxpr: Jaxpr;
  consts: Value[];
  outAvals: AVal[];
}

/**
 * Traces `fn` at `avals`; tracers it captured from enclosing transformations become consts.
 * `debug` names the user function for concretization errors raised while tracing it.
 */
export function stage(fn: (xs: Value[]) => Value[], avals: readonly AVal[], debug?: TraceDebugInfo): Staged {
  const traced = makeJaxpr(fn, avals, debug);
  const closed = closeOverTracers(traced.jaxpr);
  return { jaxpr: closed.jaxpr, consts: closed.consts, outAvals: traced.outAvals };
}

/**
 * Gives each value the weak type of its aval (dtypes and shapes already agree): a loop's carry
 * and a cond's outputs have the types the staged body declared, whatever the values met.
 */
export function conform(vs: readonly Value[], avals: readonly AVal[]): Value[] {
  return vs.map((v, i) => matchWeakType(v, avals[i]));
}

/** One entry per value: its aval. */
export const avalsOf = (vs: readonly Value[]): AVal[] => vs.map(avalOf);
