// Small constructors for the kernel tests.
import type { DType } from '../../../src/engine/array/dtype';
import { fromNested, toNested } from '../../../src/engine/array/kernels';
import type { NDArray } from '../../../src/engine/array/ndarray';

export function arr(values: unknown, dtype: DType = 'float32', weakType = false): NDArray {
  return fromNested(values, dtype, weakType);
}

export function vals(x: NDArray): unknown {
  return toNested(x);
}

/** Float32 rounding of every number in a nested list (the oracle for float32 results). */
export function f32(values: unknown): unknown {
  return Array.isArray(values) ? values.map(f32) : typeof values === 'number' ? Math.fround(values) : values;
}
