// The Python-visible array: `jax.Array` (the public base class, for isinstance), `ArrayImpl`
// (what `type(jnp.ones(1))` prints: `<class 'jaxlib._jax.ArrayImpl'>`) and the tracer class
// that stands in for an array while a transformation traces a function.
//
// An instance wraps one autodiff `Value` (a concrete NDArray or a Tracer). Behaviour (operators,
// indexing, methods, conversions) is installed on the base class by `array_methods.ts`, so
// concrete arrays and tracers share it, as in JAX where both implement the same array API.

import { type AVal } from '../array/dtype';
import { NDArray } from '../array/ndarray';
import { avalOf, concreteValue, type Value } from '../autodiff/core';
import { objectClass, PyClass, PyObject } from '../interp/object';

/** `jax.Array`: the abstract base class both concrete arrays and tracers are instances of. */
export const arrayBaseClass = new PyClass('Array', [objectClass], 'jax');
/** The class of concrete arrays. */
export const arrayImplClass = new PyClass('ArrayImpl', [arrayBaseClass], 'jaxlib._jax');
/** The class of tracers (JAX's JVPTracer under grad). */
export const tracerClass = new PyClass('JVPTracer', [arrayBaseClass], 'jax._src.interpreters.ad');

export class JaxArray extends PyObject {
  constructor(readonly value: Value) {
    super();
  }
  get cls(): PyClass {
    return this.value instanceof NDArray ? arrayImplClass : tracerClass;
  }
  get aval(): AVal {
    return avalOf(this.value);
  }
  /** True for a concrete array (not a tracer, even one that carries a concrete primal). */
  isConcreteArray(): boolean {
    return this.value instanceof NDArray;
  }
  /** The concrete array behind this value, when there is one (always outside a trace). */
  get concrete(): NDArray | undefined {
    return concreteValue(this.value);
  }
}

export function wrap(v: Value): JaxArray {
  return new JaxArray(v);
}

export function isJaxArray(o: PyObject): o is JaxArray {
  return o instanceof JaxArray;
}
