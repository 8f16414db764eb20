// Reverse mode, HIPS-autograd style: a tape per level. Each VJPTracer holds its primal (a value
// one level down) and an id; processPrimitive binds the primitive on the primals and records a
// node (primitive, params, input ids, primals in and out). The backward pass walks the tape in
// reverse, calls each node's vjp rule and accumulates cotangents with `add`. Since the vjp
// rules bind on lower-level values, a backward pass run inside an outer transformation is
// itself traced by it: grad of grad works by nesting levels.

import type { AVal } from '../../array/dtype';
import type { NDArray } from '../../array/ndarray';
import { bind } from '../core';
import * as lax from '../lax';
import type { MaybeZero, ParamsOf, PrimitiveName } from '../primitives/types';
import { RULES } from '../primitives/table';
import { avalOf, concreteValue, Trace, Tracer, type Value } from '../tracer';

export class VJPTracer extends Tracer {
  constructor(
    readonly trace: VJPTrace,
    readonly primal: Value,
    /** Tape slot of this value; null for a constant (nothing to differentiate). */
    readonly id: number | null,
  ) {
    super();
  }
  get jaxName(): string {
    return 'LinearizeTracer';
  }
  get aval(): AVal {
    return avalOf(this.primal);
  }
  concrete(): NDArray | undefined {
    return concreteValue(this.primal);
  }
}

interface TapeNode {
  prim: PrimitiveName;
  params: unknown;
  inputIds: (number | null)[];
  outputIds: number[];
  primalsIn: Value[];
  primalsOut: Value[];
}

export class VJPTrace extends Trace {
  private readonly tape: TapeNode[] = [];
  private nextId = 0;

  lift(v: Value): VJPTracer {
    return new VJPTracer(this, v, null);
  }

  /** A differentiable input of the transformation. */
  newInput(primal: Value): VJPTracer {
    return new VJPTracer(this, primal, this.nextId++);
  }

  processPrimitive<P extends PrimitiveName>(prim: P, args: Tracer[], params: ParamsOf<P>): Value[] {
    const tracers = args as VJPTracer[];
    const primalsIn = tracers.map((t) => t.primal);
    const primalsOut = bind(prim, primalsIn, params);
    if (tracers.every((t) => t.id === null)) return primalsOut;
    const outputIds = primalsOut.map(() => this.nextId++);
    this.tape.push({ prim, params, inputIds: tracers.map((t) => t.id), outputIds, primalsIn, primalsOut });
    return primalsOut.map((p, i) => new VJPTracer(this, p, outputIds[i]));
  }

  /** Cotangents of `inputs` given cotangents of `outputs` (null = zero). */
  backward(outputs: readonly Value[], cts: readonly MaybeZero[], inputs: readonly VJPTracer[]): MaybeZero[] {
    const acc = new Map<number, Value>();
    const accumulate = (id: number | null, ct: MaybeZero) => {
      if (id === null || ct === null) return;
      const prev = acc.get(id);
      acc.set(id, prev === undefined ? ct : lax.add(prev, ct));
    };
    outputs.forEach((o, i) => {
      if (o instanceof VJPTracer && o.trace === this) accumulate(o.id, cts[i]);
    });
    for (let n = this.tape.length - 1; n >= 0; n--) {
      const node = this.tape[n];
      const outCts = node.outputIds.map((id) => acc.get(id) ?? null);
      if (outCts.every((c) => c === null)) continue;
      node.outputIds.forEach((id) => acc.delete(id));
      const rules = RULES[node.prim] as { vjp(c: MaybeZero[], i: Value[], o: Value[], p: unknown, n: boolean[]): MaybeZero[] };
      const needed = node.inputIds.map((id) => id !== null);
      const inCts = rules.vjp(outCts, node.primalsIn, node.primalsOut, node.params, needed);
      node.inputIds.forEach((id, i) => accumulate(id, inCts[i]));
    }
    return inputs.map((t) => (t.id === null ? null : acc.get(t.id) ?? null));
  }
}
