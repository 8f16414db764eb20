// Oracle: the classic bit-level float32 -> float16 / bfloat16 conversions (round to nearest
// even on the float32 bit pattern), written independently of the implementation's arithmetic
// approach, compared over random float32 inputs with fast-check.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { roundToBfloat16, roundToFloat16 } from '../../../src/engine/array/float16';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function float32ToHalfBits(x: number): number {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 2 ** (shift - 1);
    const rem = mant % 2 ** shift;
    let m = Math.floor(mant / 2 ** shift);
    if (rem > half || (rem === half && m % 2 === 1)) m++;
    return sign | m;
  }
  const m = mant >>> 13;
  const rem = mant & 0x1fff;
  let h = sign | (e << 10) | m;
  if (rem > 0x1000 || (rem === 0x1000 && (m & 1) === 1)) h++; // a carry moves into the exponent
  return h;
}

function halfBitsToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  if (e === 0) return sign * m * 2 ** -24;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

function float32ToBfloat16(x: number): number {
  f32[0] = x;
  const b = u32[0];
  if (Number.isNaN(x)) return NaN;
  const rounded = (b + 0x7fff + ((b >>> 16) & 1)) >>> 16;
  u32[0] = (rounded << 16) >>> 0;
  return f32[0];
}

const same = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || Object.is(a, b);

describe('float16 / bfloat16 rounding against bit-level conversions', () => {
  it('float16 agrees on random float32 values', () => {
    fc.assert(fc.property(fc.float(), (x) => same(roundToFloat16(x), halfBitsToNumber(float32ToHalfBits(x)))), { numRuns: 20000 });
  });

  it('float16 agrees on values near its range and spacing limits', () => {
    const near = fc.oneof(
      fc.float({ min: 60000, max: 70000 }),
      fc.float({ min: Math.fround(2 ** -26), max: Math.fround(2 ** -13) }),
      fc.integer({ min: -65536, max: 65536 }).map((i) => Math.fround(i + 0.5)),
    );
    fc.assert(fc.property(near, (x) => same(roundToFloat16(x), halfBitsToNumber(float32ToHalfBits(x)))), { numRuns: 20000 });
  });

  it('bfloat16 agrees on random float32 values', () => {
    fc.assert(fc.property(fc.float(), (x) => same(roundToBfloat16(x), float32ToBfloat16(x))), { numRuns: 20000 });
  });

  it('the oracles themselves pass the hand-checked points', () => {
    assert.equal(halfBitsToNumber(float32ToHalfBits(Math.fround(1 / 3))), 0.333251953125);
    assert.equal(halfBitsToNumber(0x7bff), 65504);
  });
});
