// NumPy broadcasting of shapes, and the two texts JAX uses when shapes do not broadcast
// (SEMANTICS §1.8): a rank-promoting failure (jnp level, ValueError) and an equal-rank failure
// inside a lax primitive (TypeError naming the primitive).

import type { Shape } from './ndarray';

/**
 * The broadcast result of `shapes` under NumPy's rules (align on the right, a dimension of 1
 * stretches), or undefined when two dimensions differ and neither is 1.
 */
export function broadcastShapes(...shapes: Shape[]): number[] | undefined {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const offset = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[offset + i];
      if (o === d || d === 1) continue;
      if (o === 1) out[offset + i] = d;
      else return undefined;
    }
  }
  return out;
}

/** Equal-rank broadcasting as lax primitives do it (size-1 dimensions stretch), or undefined. */
export function broadcastEqualRank(...shapes: Shape[]): number[] | undefined {
  if (shapes.some((s) => s.length !== shapes[0].length)) return undefined;
  return broadcastShapes(...shapes);
}

/** A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`. */
export function pythonShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** JAX's ValueError text when ranks are promoted and shapes clash (`lax.broadcast_shapes`). */
export function incompatibleShapesMessage(shapes: readonly Shape[]): string {
  return `Incompatible shapes for broadcasting: shapes=[${shapes.map(pythonShape).join(', ')}]`;
}

/** JAX's TypeError text from a lax primitive's shape rule (`name` is the primitive's name). */
export function primitiveIncompatibleShapesMessage(name: string, shapes: readonly Shape[]): string {
  return `${name} got incompatible shapes for broadcasting: ${shapes.map(pythonShape).join(', ')}.`;
}
