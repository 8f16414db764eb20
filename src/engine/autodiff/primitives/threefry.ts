// threefry2x32: the Threefry-2x32 block cipher with 20 rounds (Salmon et al. 2011, "Parallel
// random numbers: as easy as 1, 2, 3"), the hash behind jax.random's default PRNG. It maps a
// key pair (k0, k1) and a counter pair (x0, x1), elementwise over four uint32 arrays of one
// shape, to two uint32 arrays (the kernel is threefryKernel.ts). Its outputs are integers:
// derivatives are zero, as JAX's.

import type { AVal } from '../../array/dtype';
import { NDArray } from '../../array/ndarray';
import { runContext } from '../../context';
import { typeError } from '../../errors';
import { bind } from '../core';
import { sameShape, shapeRepr } from '../shapes';
import { batchToFront } from './common';
import { threefry2x32Kernel } from './threefryKernel';
import type { PrimitiveRules } from './types';

type NoParams = Record<string, never>;

/** args [k0, k1, x0, x1]: uint32 arrays of one shape; results [y0, y1] of that shape. */
export const THREEFRY2X32_RULES: PrimitiveRules<NoParams> = {
  impl(args) {
    const shape = args[0].shape;
    const n = args[0].size;
    runContext().allocate(2 * n, shape);
    const out0 = new Uint32Array(n);
    const out1 = new Uint32Array(n);
    const [k0, k1, x0, x1] = args.map((a) => a.data as Uint32Array);
    threefry2x32Kernel(k0, k1, x0, x1, out0, out1);
    return [new NDArray('uint32', shape, out0), new NDArray('uint32', shape, out1)];
  },
  abstractEval(avals) {
    if (avals.some((a) => a.dtype !== 'uint32')) {
      throw typeError(`Arguments to threefry2x32 must have uint32 type, got [${avals.map((a) => a.dtype).join(', ')}]`);
    }
    const shape = avals[0].shape;
    if (avals.some((a) => !sameShape(a.shape, shape))) {
      throw typeError(`threefry2x32 got incompatible shapes for broadcasting: ${avals.map((a) => shapeRepr(a.shape)).join(', ')}.`);
    }
    const out: AVal = { shape, dtype: 'uint32', weakType: false };
    return [out, out];
  },
  jvp(primals) {
    return { primalsOut: bind('threefry2x32', primals, {}), tangentsOut: [null, null] };
  },
  vjp() {
    return [null, null, null, null];
  },
  batch(args, dims, _params, size) {
    // Every operand gets the batch dimension first (unbatched ones are broadcast along it).
    const front = args.map((a, i) => batchToFront(a, dims[i], size));
    return { outs: bind('threefry2x32', front, {}), dims: [0, 0] };
  },
};
