// XLA's float32 erfinv (the erf_inv_xla32 primitive behind jax.random.normal) against closed
// forms: erfinv inverts erf (erf from the engine's float64 special functions, checked elsewhere
// against Cody's tables), is odd, is +-inf at +-1; its derivative is (sqrt(pi)/2) exp(erfinv(x)^2)
// (so sqrt(pi)/2 at 0).
import * as assert from 'node:assert/strict';
import { bind, type Value } from '../../../src/engine/autodiff/core';
import { jvp, vjp } from '../../../src/engine/autodiff/transforms';
import { erfInvXla32 } from '../../../src/engine/autodiff/primitives/erfInvXla';
import { NDArray } from '../../../src/engine/array/ndarray';
import { RunContext, withRunContext } from '../../../src/engine/context';
import { erf } from '../../../src/engine/numeric/special';

const f32 = (...xs: number[]) => new NDArray('float32', [xs.length], Float32Array.from(xs));
const run = <T>(f: () => T): T => withRunContext(new RunContext({}), f);
const data = (v: Value) => [...(v as NDArray).data];

describe('erf_inv_xla32', () => {
  it('inverts erf to float32 accuracy and is odd', () => {
    for (let y = -0.999; y < 1; y += 0.0371) {
      const x = erfInvXla32(Math.fround(y));
      assert.ok(Math.abs(erf(x) - Math.fround(y)) < 4e-7 * Math.max(1, Math.abs(x)), `erf(erfinv(${y}))`);
      assert.equal(erfInvXla32(Math.fround(-y)), -x);
    }
    assert.equal(erfInvXla32(0), 0);
    assert.equal(erfInvXla32(1), Infinity);
    assert.equal(erfInvXla32(-1), -Infinity);
  });

  it('differentiates as (sqrt(pi)/2) exp(erfinv(x)^2), in both modes', () => {
    const xs = f32(0, 0.5, -0.75);
    const ys = xs.data.length ? Array.from(xs.data, (x) => erfInvXla32(x)) : [];
    const expected = ys.map((y) => (Math.sqrt(Math.PI) / 2) * Math.exp(y * y));
    run(() => {
      const { tangentsOut } = jvp((v) => ({ outs: bind('erf_inv_xla32', v, {}) }), [xs], [f32(1, 1, 1)]);
      data(tangentsOut[0]).forEach((t, i) => assert.ok(Math.abs(t - expected[i]) < 1e-6 * expected[i], `jvp ${t} vs ${expected[i]}`));
      const { pullback } = vjp((v) => ({ outs: bind('erf_inv_xla32', v, {}) }), [xs]);
      data(pullback([f32(1, 1, 1)])[0]!).forEach((t, i) => assert.ok(Math.abs(t - expected[i]) < 1e-6 * expected[i], `vjp ${t}`));
    });
    assert.ok(Math.abs(expected[0] - 0.886226925452758) < 1e-7);
  });
});
