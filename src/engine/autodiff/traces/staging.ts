// jit: tracing with abstract tracers (shape and dtype only) records a jaxpr, a list of
// equations; calling the jitted function replays the equations through `bind`, so jit composes
// with every other transformation (grad of jit replays under the vjp trace; jit of grad
// records the backward pass). Jaxprs are cached per argument avals, as JAX caches per
// signature, so the traced Python function body runs once per signature.

import type { AVal } from '../../array/dtype';
import { bind } from '../core';
import type { ParamsOf, PrimitiveName } from '../primitives/types';
import { RULES } from '../primitives/table';
import { avalOf, Trace, Tracer, type Value, withTrace } from '../tracer';

/** An equation operand: a variable of the jaxpr, or a constant captured at trace time. */
type Atom = { id: number } | { value: Value };

interface Equation {
  prim: PrimitiveName;
  params: unknown;
  inputs: Atom[];
  outIds: number[];
}

export interface Jaxpr {
  inIds: number[];
  eqns: Equation[];
  outs: Atom[];
}

export class StagingTracer extends Tracer {
  constructor(
    readonly trace: StagingTrace,
    readonly aval: AVal,
    readonly atom: Atom,
  ) {
    super();
  }
  get jaxName(): string {
    return 'DynamicJaxprTracer';
  }
  /** Abstract: no concrete value (Python control flow on it raises, as under jax.jit). */
  concrete(): undefined {
    return undefined;
  }
  override originMsg(): string {
    return this.trace.originOf(this.atom);
  }
}

/** What JAX's debug info says about a traced function, for concretization errors. */
export interface TraceDebugInfo {
  /** `f at file.py:3`. */
  funcSrcInfo: string;
  /** One name per jaxpr input: `x`, `params['w']`, `args[2]`. */
  argNames: string[];
  /** `jit`. */
  tracedFor: string;
}

export class StagingTrace extends Trace {
  readonly eqns: Equation[] = [];
  /** True once a constant from an enclosing transformation was captured (no caching then). */
  capturedTracer = false;
  private nextId = 0;
  /** Input variable ids, in argument order (set by makeJaxpr). */
  inIds: number[] = [];

  constructor(readonly debug?: TraceDebugInfo) {
    super();
  }

  /**
   * JAX's `DynamicJaxprTracer._origin_msg`: the arguments the value depends on, found by
   * walking the recorded equations back from it.
   */
  originOf(atom: Atom): string {
    const dbg = this.debug;
    if (!dbg) return '';
    let origin = `The error occurred while tracing the function ${dbg.funcSrcInfo} for ${dbg.tracedFor}. `;
    const needed = new Set<number>();
    if ('id' in atom) needed.add(atom.id);
    for (let i = this.eqns.length - 1; i >= 0; i--) {
      const e = this.eqns[i];
      if (!e.outIds.some((id) => needed.has(id))) continue;
      for (const a of e.inputs) if ('id' in a) needed.add(a.id);
    }
    const names = this.inIds.flatMap((id, pos) => (needed.has(id) ? [dbg.argNames[pos] ?? 'unknown'] : []));
    if (names.length > 0) {
      const list =
        names.length === 1
          ? `the argument ${names[0]}`
          : names.length === 2
            ? `the arguments ${names[0]} and ${names[1]}`
            : `the arguments ${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
      origin += `This concrete value was not available in Python because it depends on the value${names.length > 1 ? 's' : ''} of ${list}.`;
    }
    return `\n${origin}`;
  }

  newVar(aval: AVal): StagingTracer {
    return new StagingTracer(this, aval, { id: this.nextId++ });
  }

  lift(v: Value): StagingTracer {
    if (v instanceof Tracer) this.capturedTracer = true;
    return new StagingTracer(this, avalOf(v), { value: v });
  }

  processPrimitive<P extends PrimitiveName>(prim: P, args: Tracer[], params: ParamsOf<P>): Value[] {
    const tracers = args as StagingTracer[];
    const avals = tracers.map((t) => t.aval);
    let outAvals: AVal[];
    if (RULES[prim].tracesUserCode) {
      // A custom_jvp/custom_vjp call: stage its function body once, as JAX does, so replaying
      // the jaxpr evaluates the staged equations instead of running the user's code again.
      const custom = params as ParamsOf<'custom_jvp_call' | 'custom_vjp_call'>;
      const traced = makeJaxpr(custom.fn, avals);
      params = { ...custom, fn: (xs: Value[]) => evalJaxpr(traced.jaxpr, xs) } as ParamsOf<P>;
      outAvals = traced.outAvals;
    } else {
      outAvals = RULES[prim].abstractEval(avals, params);
    }
    const outs = outAvals.map((a) => this.newVar({ shape: a.shape, dtype: a.dtype, weakType: a.weakType }));
    this.eqns.push({
      prim,
      params,
      inputs: tracers.map((t) => t.atom),
      outIds: outs.map((o) => (o.atom as { id: number }).id),
    });
    return outs;
  }
}

/** Traces `fn` at the avals of `args` into a jaxpr. */
export function makeJaxpr(
  fn: (xs: Value[]) => Value[],
  avals: readonly AVal[],
  debug?: TraceDebugInfo,
): { jaxpr: Jaxpr; cacheable: boolean; outAvals: AVal[] } {
  const trace = new StagingTrace(debug);
  return withTrace(trace, () => {
    const inputs = avals.map((a) => trace.newVar(a));
    trace.inIds = inputs.map((i) => (i.atom as { id: number }).id);
    const results = fn(inputs);
    const outs = results.map((o): Atom => (o instanceof StagingTracer && o.trace === trace ? o.atom : { value: o }));
    const inIds = inputs.map((i) => (i.atom as { id: number }).id);
    return { jaxpr: { inIds, eqns: trace.eqns, outs }, cacheable: !trace.capturedTracer, outAvals: results.map(avalOf) };
  });
}

/**
 * Closure conversion: tracers the jaxpr captured from enclosing transformations become extra
 * leading inputs, so a higher-order primitive passes them as operands (and the enclosing
 * transformations see them) instead of hiding them in its params.
 */
export function closeOverTracers(jaxpr: Jaxpr): { jaxpr: Jaxpr; consts: Value[] } {
  let next = 0;
  for (const id of jaxpr.inIds) next = Math.max(next, id + 1);
  for (const e of jaxpr.eqns) for (const id of e.outIds) next = Math.max(next, id + 1);
  const consts: Value[] = [];
  const constIds: number[] = [];
  const seen = new Map<Tracer, number>();
  const convert = (a: Atom): Atom => {
    if (!('value' in a) || !(a.value instanceof Tracer)) return a;
    let id = seen.get(a.value);
    if (id === undefined) {
      id = next++;
      seen.set(a.value, id);
      consts.push(a.value);
      constIds.push(id);
    }
    return { id };
  };
  const eqns = jaxpr.eqns.map((e) => ({ ...e, inputs: e.inputs.map(convert) }));
  const outs = jaxpr.outs.map(convert);
  return { jaxpr: { inIds: [...constIds, ...jaxpr.inIds], eqns, outs }, consts };
}

/** Evaluates a jaxpr on `args` by binding each equation (so outer transformations see it). */
export function evalJaxpr(jaxpr: Jaxpr, args: readonly Value[]): Value[] {
  const env = new Map<number, Value>();
  jaxpr.inIds.forEach((id, i) => env.set(id, args[i]));
  const read = (a: Atom): Value => ('value' in a ? a.value : (env.get(a.id) as Value));
  for (const e of jaxpr.eqns) {
    const outs = bind(e.prim, e.inputs.map(read), e.params as ParamsOf<PrimitiveName>);
    e.outIds.forEach((id, i) => env.set(id, outs[i]));
  }
  return jaxpr.outs.map(read);
}

function avalKey(a: AVal): string {
  return `${a.dtype}${a.weakType ? '~' : ''}[${a.shape.join(',')}]`;
}

/** jax.jit over flat Values: trace once per argument signature, replay through `bind`. */
export function jit(fn: (xs: Value[]) => Value[]): (xs: Value[]) => Value[] {
  const cache = new Map<string, Jaxpr>();
  return (xs) => {
    const avals = xs.map(avalOf);
    const key = avals.map(avalKey).join(';');
    let jaxpr = cache.get(key);
    if (!jaxpr) {
      const traced = makeJaxpr(fn, avals);
      jaxpr = traced.jaxpr;
      if (traced.cacheable) cache.set(key, jaxpr);
    }
    return evalJaxpr(jaxpr, xs);
  };
}
