// Generators of primitive operands: shapes with empty and size-1 axes, values in each
// primitive's smooth domain (away from kinks, so finite differences are meaningful).
import fc from 'fast-check';
import type { DType } from '../../../src/engine/array/dtype';
import type { NDArray } from '../../../src/engine/array/ndarray';
import { type Case, make } from './check';

export type Shape = number[];

/** Rank 0 to 3, each axis 0 to 3 long (empty and size-1 axes included). */
export const shape = (minRank = 0, maxRank = 3, minDim = 0): fc.Arbitrary<Shape> =>
  fc.array(fc.integer({ min: minDim, max: 3 }), { minLength: minRank, maxLength: maxRank });

const count = (s: Shape) => s.reduce((a, b) => a * b, 1);

/** Values in [lo, hi], sometimes pushed towards an end (negative and huge values too). */
export const values = (n: number, lo: number, hi: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });

export const floats = (s: Shape, lo = -3, hi = 3, dtype: DType = 'float64'): fc.Arbitrary<NDArray> =>
  values(count(s) * (dtype.startsWith('complex') ? 2 : 1), lo, hi).map((v) => make(dtype, s, v));

/** Values at least `gap` apart in absolute value, so max/min/sort have no ties. */
export const distinct = (s: Shape, gap = 0.1): fc.Arbitrary<NDArray> =>
  fc.shuffledSubarray(
    Array.from({ length: 60 }, (_, i) => (i - 30) * gap),
    { minLength: count(s), maxLength: count(s) },
  ).map((v) => make('float64', s, v));

export const ints = (s: Shape, lo: number, hi: number, dtype: DType = 'int32'): fc.Arbitrary<NDArray> =>
  fc.array(fc.integer({ min: lo, max: hi }), { minLength: count(s), maxLength: count(s) }).map((v) => make(dtype, s, v));

export const bools = (s: Shape): fc.Arbitrary<NDArray> =>
  fc.array(fc.boolean(), { minLength: count(s), maxLength: count(s) }).map((v) => make('bool', s, v.map(Number)));

/** A unary case with operand values in [lo, hi]. */
export const unaryCase = (lo: number, hi: number, dtype: DType = 'float64'): fc.Arbitrary<Case> =>
  shape().chain((s) => floats(s, lo, hi, dtype)).map((x) => ({ args: [x], params: {} }));

/** Two operand shapes that broadcast: equal, or one of them 0-d, or size-1 axes of equal rank. */
export const broadcastPair: fc.Arbitrary<[Shape, Shape]> = shape().chain((s) =>
  fc.oneof(
    fc.constant<[Shape, Shape]>([s, s]),
    fc.constant<[Shape, Shape]>([[], s]),
    fc.constant<[Shape, Shape]>([s, []]),
    fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((ones): [Shape, Shape] => [s, s.map((d, i) => (ones[i] ? 1 : d))]),
  ),
);

/** A binary case; `lo2`/`hi2` give the second operand its own domain. */
export const binaryCase = (lo: number, hi: number, lo2 = lo, hi2 = hi): fc.Arbitrary<Case> =>
  broadcastPair.chain(([a, b]) => fc.tuple(floats(a, lo, hi), floats(b, lo2, hi2))).map(([x, y]) => ({ args: [x, y], params: {} }));

/** A shape and one of its axes (rank ≥ 1). */
export const shapeAndAxis = (minDim = 0): fc.Arbitrary<[Shape, number]> =>
  shape(1, 3, minDim).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.length - 1 })));

/** A shape and a subset of its axes. */
export const shapeAndAxes: fc.Arbitrary<[Shape, number[]]> = shape().chain((s) =>
  fc.tuple(fc.constant(s), fc.subarray(s.map((_, i) => i))),
);
