// Oracle: the IEEE binary16 and bfloat16 formats (values worked out by hand below).
import * as assert from 'node:assert/strict';
import { roundToBfloat16, roundToFloat16 } from '../../../src/engine/array/float16';

describe('float16 / bfloat16 rounding', () => {
  it('float16: max, overflow, and 1/3', () => {
    assert.equal(roundToFloat16(65504), 65504);
    assert.equal(roundToFloat16(65519.99), 65504); // below the midpoint to 2^16
    assert.equal(roundToFloat16(65520), Infinity); // the midpoint ties to even (2^16), which overflows
    assert.equal(roundToFloat16(-1e6), -Infinity);
    assert.equal(roundToFloat16(1 / 3), 0.333251953125);
  });

  it('float16: ties to even and subnormals', () => {
    assert.equal(roundToFloat16(1 + 2 ** -11), 1); // tie between 1 and 1+2^-10: even is 1
    assert.equal(roundToFloat16(1 + 3 * 2 ** -11), 1 + 2 ** -9); // tie: even mantissa is 2
    assert.equal(roundToFloat16(2 ** -24), 2 ** -24); // smallest subnormal
    assert.equal(roundToFloat16(2 ** -25), 0); // tie between 0 and 2^-24: even is 0
    assert.equal(roundToFloat16(3 * 2 ** -25), 2 ** -23);
    assert.equal(roundToFloat16(2 ** -14 - 2 ** -25), 2 ** -14); // rounds up into the normals
    assert.ok(Number.isNaN(roundToFloat16(NaN)));
    assert.ok(Object.is(roundToFloat16(-0), -0));
  });

  it('bfloat16: 8 significant bits with float32 range', () => {
    assert.equal(roundToBfloat16(1 / 3), 0.333984375); // 1.0101011b × 2^-2
    assert.equal(roundToBfloat16(1 + 2 ** -8), 1);
    assert.equal(roundToBfloat16(1 + 3 * 2 ** -8), 1 + 2 ** -6);
    // the largest bfloat16 is (2 - 2^-7)·2^127 ≈ 3.3895e38; the overflow midpoint is (2 - 2^-8)·2^127 ≈ 3.3962e38
    assert.equal(roundToBfloat16(3.39e38), 2 ** 127 * (2 - 2 ** -7));
    assert.equal(roundToBfloat16(3.397e38), Infinity);
    assert.equal(roundToBfloat16(2 ** -133), 2 ** -133);
  });
});
