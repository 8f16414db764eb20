// Forward mode: each JVPTracer carries a primal (a value one level down) and a tangent
// (null = symbolic zero). processPrimitive applies the primitive's jvp rule to the primals and
// tangents; the rule binds on lower-level values, so nested transformations compose.

import type { AVal } from '../../array/dtype';
import type { NDArray } from '../../array/ndarray';
import { bind } from '../core';
import type { MaybeZero, ParamsOf, PrimitiveName } from '../primitives/types';
import { RULES } from '../primitives/table';
import { avalOf, concreteValue, Trace, Tracer, type Value } from '../tracer';

export class JVPTracer extends Tracer {
  constructor(
    readonly trace: JVPTrace,
    readonly primal: Value,
    readonly tangent: MaybeZero,
  ) {
    super();
  }
  get jaxName(): string {
    return 'JVPTracer';
  }
  get aval(): AVal {
    return avalOf(this.primal);
  }
  concrete(): NDArray | undefined {
    return concreteValue(this.primal);
  }
}

export class JVPTrace extends Trace {
  lift(v: Value): JVPTracer {
    return new JVPTracer(this, v, null);
  }

  processPrimitive<P extends PrimitiveName>(prim: P, args: Tracer[], params: ParamsOf<P>): Value[] {
    const tracers = args as JVPTracer[];
    const primals = tracers.map((t) => t.primal);
    const tangents = tracers.map((t) => t.tangent);
    // Nothing to differentiate: the result is a constant of this trace.
    if (tangents.every((t) => t === null)) return bind(prim, primals, params);
    const { primalsOut, tangentsOut } = RULES[prim].jvp(primals, tangents, params);
    return primalsOut.map((p, i) => (tangentsOut[i] === null ? p : new JVPTracer(this, p, tangentsOut[i])));
  }
}
