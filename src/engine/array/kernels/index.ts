// The array kernel API: the contract with autodiff/ (primitive impl rules) and jax/.
// Every kernel takes and returns NDArrays, allocates through NDArray.zeros (charging the run's
// element budget) and never mutates its inputs. Results are rounded to the result dtype.
//
// Decisions worth knowing (each file says why):
// - Elementwise ops compute in float64 and round once to the dtype on store, so float32
//   transcendental results are correctly rounded (XLA's CPU approximations may differ by an ulp).
// - Integer arithmetic wraps (two's complement) up to 32 bits; int64/uint64 are stored as doubles
//   and are exact only up to 2^53 (no wrapping beyond).
// - Sums are pairwise in float64 and products accumulate in float64, rounded once; dot_general
//   accumulates in float64 (integers: int32 wrapping) and rounds once.
// - lax.div / lax.rem by zero and INT_MIN / -1 follow XLA's CPU results (-1 / all ones; the
//   dividend; INT_MIN).
// - Float -> int conversion truncates, maps NaN to 0 and saturates out-of-range values.
// - sort: NaN last, -0 == +0, stable; descending is the reversed ascending sort.
// - The hot float32/float64 loops (arithmetic, common unary functions, x**2, sums) live in
//   floatLoops.ts, one monomorphic copy per storage type: V8 runs a typed-array loop that has
//   seen both Float32Array and Float64Array 2-3× slower.
// - fused.ts: one-pass loops for hot derivative rules (tanh's, logistic's, x**2's), rounding after every
//   operation exactly as the unfused chain of primitives does, so results are bit-identical.

export { type UnaryKernel, unary } from './unary';
export { type BinaryKernel, binary } from './binary';
export { integerPow } from './power';
export { logisticDerivative, squareDerivative, tanhDerivative } from './fused';
export { clamp, select } from './ternary';
export { convert, full, fromNested, getScalar, iota, type Scalar, toNested } from './convert';
export { argReduce, cumulative, reduce, type ReduceKernel } from './reduce';
export { type DotDims, dotGeneral } from './dot';
export { broadcastInDim, concatenate, expandDims, pad, reshape, rev, squeeze, transpose } from './shape';
export { dynamicSlice, dynamicUpdateSlice, slice } from './slice';
export { argsort, sort } from './sort';
export { gather, scatter } from './indexing';
