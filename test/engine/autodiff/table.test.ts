// The rule table covers every primitive of the design (DESIGN §3.3 and the autodiff brief).
import * as assert from 'node:assert/strict';
import { RULES } from '../../../src/engine/autodiff/primitives/table';

const REQUIRED = `neg sign floor ceil round is_finite exp exp2 log log1p expm1 tanh logistic sin cos tan
  asin acos atan sinh cosh asinh acosh atanh sqrt rsqrt cbrt abs erf erfc erf_inv lgamma digamma
  real imag conj complex square add sub mul div rem pow integer_pow max min atan2 nextafter and or
  xor not eq ne lt le gt ge select_n clamp convert_element_type reduce_sum reduce_prod reduce_max
  reduce_min reduce_and reduce_or argmax argmin cumsum cumprod cummax cummin broadcast_in_dim
  reshape squeeze expand_dims transpose rev slice dynamic_slice dynamic_update_slice pad
  concatenate iota dot_general gather scatter sort stop_gradient custom_jvp_call custom_vjp_call`
  .split(/\s+/)
  .filter(Boolean);

describe('primitive rule table', () => {
  it('has impl, abstractEval, jvp, vjp and batch rules for every required primitive', () => {
    for (const name of REQUIRED) {
      const rules = (RULES as unknown as Record<string, Record<string, unknown>>)[name];
      assert.ok(rules, `missing primitive ${name}`);
      for (const rule of ['impl', 'abstractEval', 'jvp', 'vjp', 'batch']) {
        assert.equal(typeof rules[rule], 'function', `${name} lacks ${rule}`);
      }
    }
  });
});
