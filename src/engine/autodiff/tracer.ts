// Values, tracers and traces (autodidax's design); `bind` in core.ts dispatches between them.
// A `Value` is a concrete NDArray or a Tracer. Each transformation (jvp, vjp, vmap,
// jit) pushes a Trace with a fresh, strictly increasing level; `bind` hands a primitive to the
// highest-level trace among its arguments, or runs the primitive's impl when no argument is
// a tracer. Because an inner transformation's trace always outranks the outer ones, a value
// from an outer transformation seen by an inner one is just a constant there: this is what
// rules out perturbation confusion in nested derivatives.

import { type AVal } from '../array/dtype';
import { NDArray } from '../array/ndarray';
import { pyError } from '../errors';
import type { ParamsOf, PrimitiveName } from './primitives/types';

export abstract class Tracer {
  abstract readonly trace: Trace;
  /** Shape, dtype and weak type of the value this tracer stands for. */
  abstract get aval(): AVal;
  /** The concrete value behind the tracer, when the transformation keeps one (jvp, vjp). */
  abstract concrete(): NDArray | undefined;
  /** JAX's class name for this kind of tracer (JVPTracer, LinearizeTracer, ...), for messages. */
  abstract get jaxName(): string;
  /**
   * JAX's `_origin_msg()`: where an abstract value came from, appended to concretization
   * errors (jit tracers name the traced function and the arguments; others give '').
   */
  originMsg(): string {
    return '';
  }
}

export type Value = NDArray | Tracer;

export abstract class Trace {
  readonly level: number;
  /** False once the transformation that pushed this trace has finished. */
  active = true;
  constructor() {
    this.level = ++levelCounter;
  }
  /** Turns an argument of `bind` into a tracer of this trace (lower-level values are constants). */
  abstract lift(v: Value): Tracer;
  abstract processPrimitive<P extends PrimitiveName>(prim: P, args: Tracer[], params: ParamsOf<P>): Value[];
}

// Levels only grow, so a trace pushed later (an inner transformation) always outranks those
// still active; a finished trace's level is never reused by a new one.
let levelCounter = 0;
const traceStack: Trace[] = [];

/** Runs `fn` with `trace` pushed; the trace is deactivated afterwards (its tracers escape as errors). */
export function withTrace<T extends Trace, R>(trace: T, fn: (trace: T) => R): R {
  traceStack.push(trace);
  try {
    return fn(trace);
  } finally {
    traceStack.pop();
    trace.active = false;
  }
}

export function isTracer(v: unknown): v is Tracer {
  return v instanceof Tracer;
}

export function avalOf(v: Value): AVal {
  return v instanceof NDArray ? v : v.aval;
}

/**
 * The concrete array behind a value: an NDArray itself; a jvp/vjp tracer forwards to its primal
 * (so Python control flow on values works under grad); batch and staging tracers have none.
 */
export function concreteValue(v: Value): NDArray | undefined {
  return v instanceof NDArray ? v : v.concrete();
}

/** UnexpectedTracerError: a tracer used after its transformation finished (it leaked). */
export function escapedTracerError(t: Tracer): Error {
  return pyError(
    'UnexpectedTracerError',
    `Encountered an unexpected tracer. A function transformed by JAX had a side effect, allowing ` +
      `for a reference to an intermediate value with type ${shortType(t.aval)} wrapped in a ` +
      `${t.jaxName} to escape the scope of the transformation.\nJAX transformations require that ` +
      `functions explicitly return their outputs, and disallow saving intermediate values to global state.`,
  );
}

/** JAX's `str_short` of an aval: `float32[3,4]`, `int32[]`. */
export function shortType(a: AVal): string {
  return `${a.dtype}[${a.shape.join(',')}]`;
}
