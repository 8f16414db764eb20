// vmap: a BatchTracer holds a value with one extra axis (`dim`) running over the examples.
// processPrimitive calls the primitive's batch rule, which works on the whole batch at once,
// so vmap over many examples costs about one vectorised evaluation.

import type { AVal } from '../../array/dtype';
import { bind } from '../core';
import type { ParamsOf, PrimitiveName } from '../primitives/types';
import { RULES } from '../primitives/table';
import { avalOf, Trace, Tracer, type Value } from '../tracer';

export class BatchTracer extends Tracer {
  constructor(
    readonly trace: BatchTrace,
    readonly val: Value,
    /** The batch axis of `val`; null when the value is the same for every example. */
    readonly dim: number | null,
  ) {
    super();
  }
  get jaxName(): string {
    return 'BatchTracer';
  }
  /** The per-example aval (the batch axis removed). */
  get aval(): AVal {
    const a = avalOf(this.val);
    if (this.dim === null) return a;
    const d = this.dim;
    return { shape: a.shape.filter((_, i) => i !== d), dtype: a.dtype, weakType: a.weakType };
  }
  /** Batched values have no single concrete value (Python control flow on them raises). */
  concrete(): undefined {
    return undefined;
  }
}

export class BatchTrace extends Trace {
  constructor(readonly axisSize: number) {
    super();
  }

  lift(v: Value): BatchTracer {
    return new BatchTracer(this, v, null);
  }

  processPrimitive<P extends PrimitiveName>(prim: P, args: Tracer[], params: ParamsOf<P>): Value[] {
    const tracers = args as BatchTracer[];
    const vals = tracers.map((t) => t.val);
    const dims = tracers.map((t) => t.dim);
    if (dims.every((d) => d === null)) return bind(prim, vals, params);
    const { outs, dims: outDims } = RULES[prim].batch(vals, dims, params, this.axisSize);
    return outs.map((o, i) => (outDims[i] === null ? o : new BatchTracer(this, o, outDims[i])));
  }
}
