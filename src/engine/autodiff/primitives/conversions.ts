// convert_element_type: the one primitive that changes dtype or weak type. Every implicit cast
// of the jax layer goes through it, and its VJP casts the cotangent back to the operand's dtype
// and weak type, which is why a gradient always has its input's type (SEMANTICS §2.4).

import { type DType, isInexact } from '../../array/dtype';
import * as K from '../../array/kernels';
import { avalOf, bind1 } from '../core';
import * as lax from '../lax';
import { checkNoFloat0 } from '../shapes';
import { mapZ } from './common';
import type { PrimitiveRules } from './types';

type Params = { newDtype: DType; weakType: boolean };

export const CONVERT_ELEMENT_TYPE_RULES: PrimitiveRules<Params> = {
  impl: ([x], { newDtype, weakType }) => [K.convert(x, newDtype, weakType)],
  abstractEval([x], { newDtype, weakType }) {
    checkNoFloat0('convert_element_type', [x]);
    return [{ shape: x.shape, dtype: newDtype, weakType: newDtype === 'bool' ? false : weakType }];
  },
  jvp([x], [t], params) {
    const ans = bind1('convert_element_type', [x], params);
    // Casting to or from a non-float type cuts the derivative (integers have no tangent space).
    const differentiable = isInexact(params.newDtype) && isInexact(avalOf(x).dtype);
    return {
      primalsOut: [ans],
      tangentsOut: [differentiable ? mapZ(t, (g) => bind1('convert_element_type', [g], params)) : null],
    };
  },
  vjp([ct], [x], _outs, params) {
    const a = avalOf(x);
    if (!isInexact(a.dtype) || !isInexact(params.newDtype)) return [null];
    return [mapZ(ct, (g) => lax.convertElementType(g, a.dtype, a.weakType))];
  },
  batch: ([x], [d], params) => ({ outs: [bind1('convert_element_type', [x], params)], dims: [d] }),
};
