// The threefry2x32 kernel against the Random123 known-answer vectors (DEShawResearch's
// test_threefry.cpp, 20 rounds), the three that JAX's tests/random_test.py `testThreefry2x32`
// quotes: key (k0, k1), counter (x0, x1) -> (y0, y1).
import * as assert from 'node:assert/strict';
import { threefry2x32Kernel } from '../../../src/engine/autodiff/primitives/threefryKernel';
import { bind } from '../../../src/engine/autodiff/core';
import { NDArray } from '../../../src/engine/array/ndarray';
import { RunContext, withRunContext } from '../../../src/engine/context';

const u32 = (...xs: number[]) => Uint32Array.from(xs);
const run = <T>(f: () => T): T => withRunContext(new RunContext({}), f);

describe('threefry2x32 kernel: Random123 known answers', () => {
  const cases: [number[], number[], number[]][] = [
    [[0, 0], [0, 0], [0x6b200159, 0x99ba4efe]],
    [[0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x1cb996fc, 0xbb002be7]],
    [[0x13198a2e, 0x03707344], [0x243f6a88, 0x85a308d3], [0xc4923a9c, 0x483df7a0]],
  ];
  for (const [key, count, expected] of cases) {
    it(`key ${key.map((k) => k.toString(16))} counter ${count.map((c) => c.toString(16))}`, () => {
      const y0 = new Uint32Array(1);
      const y1 = new Uint32Array(1);
      threefry2x32Kernel(u32(key[0]), u32(key[1]), u32(count[0]), u32(count[1]), y0, y1);
      assert.deepEqual([y0[0], y1[0]], expected);
    });
  }

  it('the primitive hashes every element independently (vectorised over the counters)', () => {
    const n = 5;
    const full = (v: number) => new NDArray('uint32', [n], new Uint32Array(n).fill(v));
    const [y0, y1] = run(() => bind('threefry2x32', [full(0x13198a2e), full(0x03707344), full(0x243f6a88), full(0x85a308d3)], {}));
    assert.deepEqual([...(y0 as NDArray).data], new Array(n).fill(0xc4923a9c));
    assert.deepEqual([...(y1 as NDArray).data], new Array(n).fill(0x483df7a0));
  });

  it('rejects non-uint32 operands with JAX\'s TypeError', () => {
    const f = new NDArray('float32', [1], new Float32Array(1));
    const u = new NDArray('uint32', [1], new Uint32Array(1));
    assert.throws(() => run(() => bind('threefry2x32', [f, u, u, u], {})), /must have uint32 type/);
  });
});
