// jnp.einsum for explicit and implicit subscripts without ellipses or repeated indices within
// one operand: each operand is transposed and broadcast onto the full index space, the product
// is taken elementwise and the contracted indices are summed. Simple and exactly differentiable;
// memory is the product of all index sizes, fine for the sizes snippets use.

import { avalOf, type Value } from '../../autodiff/core';
import * as lax from '../../autodiff/lax';
import { notSupported, valueError } from '../../errors';
import { type PyObject, PyStr } from '../../interp/object';
import { arrayArgs } from '../coerce';
import { promoteDtypes } from '../promote';

export function einsum(subscripts: PyObject, operands: PyObject[]): Value {
  if (!(subscripts instanceof PyStr)) throw notSupported('einsum without a subscripts string');
  const spec = subscripts.value.replace(/\s+/g, '');
  if (spec.includes('.')) throw notSupported('einsum with ellipses');
  const [lhs, rhsGiven] = spec.split('->');
  const inputs = lhs.split(',');
  if (inputs.length !== operands.length) {
    throw valueError(`einsum(): more operands were provided than specified in the subscripts string`);
  }
  const values = promoteDtypes(arrayArgs('einsum', operands));
  const sizes = new Map<string, number>();
  inputs.forEach((letters, k) => {
    const shape = avalOf(values[k]).shape;
    if (letters.length !== shape.length) {
      throw valueError(`einsum(): operand ${k} has ${shape.length} dimensions but ${letters.length} subscripts were given`);
    }
    if (new Set(letters).size !== letters.length) throw notSupported('einsum with a repeated index within one operand');
    [...letters].forEach((c, i) => {
      const prev = sizes.get(c);
      if (prev !== undefined && prev !== shape[i] && prev !== 1 && shape[i] !== 1) {
        throw valueError(`einsum(): size of label '${c}' for operand ${k} (${shape[i]}) does not match previous terms (${prev}).`);
      }
      sizes.set(c, Math.max(prev ?? 1, shape[i]));
    });
  });
  const all = [...sizes.keys()];
  const counts = new Map<string, number>();
  for (const c of inputs.join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
  const out = rhsGiven ?? [...counts].filter(([, n]) => n === 1).map(([c]) => c).sort().join('');
  const full = all.map((c) => sizes.get(c)!);
  let product: Value | undefined;
  inputs.forEach((letters, k) => {
    const order = [...letters].map((c, i) => ({ c, i })).sort((a, b) => all.indexOf(a.c) - all.indexOf(b.c));
    let v = lax.transpose(values[k], order.map((o) => o.i));
    const vs = avalOf(v).shape;
    // Size-1 axes broadcast: drop them from the operand and let broadcastInDim stretch them.
    const keep = order.filter((o, j) => vs[j] === sizes.get(o.c));
    v = lax.reshape(v, keep.map((o) => sizes.get(o.c)!));
    const b = lax.broadcastInDim(v, full, keep.map((o) => all.indexOf(o.c)));
    product = product ? lax.mul(product, b) : b;
  });
  const summed = all.flatMap((c, i) => (out.includes(c) ? [] : [i]));
  const reduced = lax.reduceSum(product!, summed);
  const remaining = all.filter((c) => out.includes(c));
  return lax.transpose(reduced, [...out].map((c) => remaining.indexOf(c)));
}
