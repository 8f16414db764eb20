// argnums handling of jax.grad/value_and_grad (SEMANTICS §1.4).
// At construction: `_ensure_index` (operator.index, else a tuple of operator.index of each
// item; a list becomes a tuple). At call time: the positional-count TypeError (grad only),
// then `_ensure_inbounds` (negative indices wrap, out-of-range ones raise ValueError).

import { typeError, valueError } from '../../errors';
import { type PyObject } from '../../interp/object';
import { iterate, toPyIndex } from '../../interp/protocol';

/** An int argnums, or a tuple of them. */
export type Argnums = number | number[];

export function ensureIndex(argnums: PyObject): Argnums {
  try {
    return Number(toPyIndex(argnums));
  } catch (e) {
    if (!(e instanceof Error) || (e as { pyType?: string }).pyType !== 'TypeError') throw e;
  }
  return [...iterate(argnums)].map((item) => Number(toPyIndex(item)));
}

/** How `f"{argnums=}"` renders it: `argnums=2`, `argnums=(0, 2)`, `argnums=(1,)`. */
export function argnumsText(a: Argnums): string {
  if (typeof a === 'number') return `argnums=${a}`;
  return a.length === 1 ? `argnums=(${a[0]},)` : `argnums=(${a.join(', ')})`;
}

/** The positional-count check of value_and_grad_f (before any normalisation). */
export function checkEnoughArgs(a: Argnums, nargs: number): void {
  const list = typeof a === 'number' ? [a] : a;
  if (list.length === 0) throw valueError('max() iterable argument is empty');
  const max = Math.max(...list);
  if (max >= nargs) {
    throw typeError(
      `differentiating with respect to ${argnumsText(a)} requires at least ${max + 1} positional arguments to be passed ` +
        `by the caller, but got only ${nargs} positional arguments.`,
    );
  }
}

/** `_ensure_inbounds`: negative indices wrap once; anything outside [-n, n) is a ValueError. */
export function ensureInbounds(a: Argnums, nargs: number): number[] {
  const list = typeof a === 'number' ? [a] : a;
  return list.map((i) => {
    if (i < -nargs || i >= nargs) {
      throw valueError(
        'Positional argument indices, e.g. for `static_argnums`, must have value greater than or equal to -len(args) ' +
          `and less than len(args), but got value ${i} for len(args) == ${nargs}.`,
      );
    }
    return ((i % nargs) + nargs) % nargs;
  });
}
