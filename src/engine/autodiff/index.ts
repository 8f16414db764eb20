// The autodiff layer's public surface for the jax layer (see docs/ARCHITECTURE.md).

export { avalOf, bind, bind1, concreteValue, isTracer, Tracer, type Value } from './core';
export * as lax from './lax';
export type {
  CustomBwd,
  CustomFwd,
  CustomJvpRule,
  DotDims,
  GatherMode,
  MaybeZero,
  PrimitiveName,
  ScatterCombine,
  ValueFn,
} from './primitives/types';
export { jit, jvp, vjp, vmap, zeroTangent, type Fn } from './transforms';
