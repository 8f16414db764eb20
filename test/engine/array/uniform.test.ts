// Broadcasts of one value share a filled buffer (kernels/uniform.ts), and kernels read such an
// operand as a scalar. Oracles: the definition of a broadcast (every element is the value), the
// general broadcasting path of the binary kernel (a size-1 operand stretched by index maps), the
// run's element budget as for any allocation.
import * as assert from 'node:assert/strict';
import { binary, broadcastInDim, squareDerivative } from '../../../src/engine/array/kernels';
import { uniformValue } from '../../../src/engine/array/kernels/uniform';
import { NDArray } from '../../../src/engine/array/ndarray';
import { RunContext, withRunContext } from '../../../src/engine/context';

const N = 5000; // above the sharing threshold

function scalar(dtype: 'float32' | 'float64' | 'int32', v: number, weak = false): NDArray {
  const data = dtype === 'float32' ? Float32Array.of(v) : dtype === 'float64' ? Float64Array.of(v) : Int32Array.of(v);
  return new NDArray(dtype, [], data, weak);
}

function ramp(dtype: 'float32' | 'float64', n: number): NDArray {
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = (i % 97) * 0.37 - 11;
  return new NDArray(dtype, [n], data);
}

describe('array kernels: shared uniform broadcasts', () => {
  it('a broadcast of a scalar holds the value everywhere, keeps dtype and weak type', () => {
    for (const [dtype, v] of [['float32', 0.1], ['float64', -0], ['int32', 7], ['float32', NaN]] as const) {
      const out = broadcastInDim(scalar(dtype, v, true), [2, N], []);
      assert.equal(out.dtype, dtype);
      assert.equal(out.weakType, true);
      assert.deepEqual(out.shape, [2, N]);
      const expected = scalar(dtype, v).data[0];
      for (let i = 0; i < out.size; i++) assert.ok(Object.is(out.data[i], expected), `${dtype} element ${i}`);
    }
  });

  it('equal broadcasts share one buffer; other values, dtypes or sizes do not', () => {
    const a = broadcastInDim(scalar('float32', 1), [N], []);
    const b = broadcastInDim(scalar('float32', 1), [N], []);
    assert.equal(a.data, b.data);
    assert.notEqual(broadcastInDim(scalar('float32', 2), [N], []).data, a.data);
    assert.notEqual(broadcastInDim(scalar('float64', 1), [N], []).data, a.data);
    assert.notEqual(broadcastInDim(scalar('float32', 1), [N + 1], []).data, a.data);
    assert.equal(uniformValue(a), 1);
    // small broadcasts are filled afresh and not marked
    assert.equal(uniformValue(broadcastInDim(scalar('float32', 1), [10], [])), undefined);
  });

  it('charges the element budget like any allocation', () => {
    const ctx = new RunContext({ limits: { maxTotalElements: 3 * N } });
    withRunContext(ctx, () => {
      broadcastInDim(scalar('float32', 1), [N], []);
      broadcastInDim(scalar('float32', 1), [N], []);
      assert.throws(() => {
        broadcastInDim(scalar('float32', 1), [N], []);
        broadcastInDim(scalar('float32', 1), [N], []);
      }, /array elements in total/);
    });
  });

  it('binary ops read a uniform operand as a scalar: same bits as the broadcasting path', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = ramp(dtype, N);
      const s = scalar(dtype, 0.3);
      const u = broadcastInDim(s, [N], []);
      const stretched = new NDArray(dtype, [1], s.data); // the same value as a size-1 operand
      for (const op of ['add', 'sub', 'mul', 'div', 'max', 'min'] as const) {
        assert.deepEqual(binary(op, u, x).data, binary(op, stretched, x).data, `${dtype} ${op} left`);
        assert.deepEqual(binary(op, x, u).data, binary(op, x, stretched).data, `${dtype} ${op} right`);
      }
    }
  });

  it("x**2's fused derivative with a uniform cotangent equals it with the same values materialised", () => {
    const x = ramp('float32', N);
    const u = broadcastInDim(scalar('float32', 1.7), [N], []);
    const materialised = new NDArray('float32', [N], new Float32Array(N).fill(1.7));
    assert.deepEqual(squareDerivative(u, x)!.data, squareDerivative(materialised, x)!.data);
  });
});
