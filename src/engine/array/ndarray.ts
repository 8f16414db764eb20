// The concrete n-dimensional array: a dtype, a shape, a weak-type flag and a flat row-major
// typed array. Kernels never mutate an NDArray they did not just allocate.

import { runContext } from '../context';
import { type AVal, type DType, DTYPES } from './dtype';

export type Shape = readonly number[];

export type Storage =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array;

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** The typed-array constructor that stores `dtype` (see docs/ARCHITECTURE.md). */
export function storageFor(dtype: DType, length: number): Storage {
  switch (dtype) {
    case 'bool':
    case 'uint8':
    case 'float0':
      return new Uint8Array(length);
    case 'int8':
      return new Int8Array(length);
    case 'int16':
      return new Int16Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'uint16':
      return new Uint16Array(length);
    case 'uint32':
      return new Uint32Array(length);
    case 'float16':
    case 'bfloat16':
    case 'float32':
    case 'complex64':
      return new Float32Array(length);
    case 'int64':
    case 'uint64':
    case 'float64':
    case 'complex128':
      return new Float64Array(length);
  }
}

/** Number of storage slots per element: 2 for complex, 0 for float0, else 1. */
export function slotsPerElement(dtype: DType): number {
  const k = DTYPES[dtype].kind;
  return k === 'complex' ? 2 : k === 'float0' ? 0 : 1;
}

export class NDArray implements AVal {
  constructor(
    readonly dtype: DType,
    readonly shape: Shape,
    readonly data: Storage,
    readonly weakType: boolean = false,
  ) {}

  get size(): number {
    return sizeOf(this.shape);
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** Allocates a zero-filled array, charging the run's element budget. */
  static zeros(dtype: DType, shape: Shape, weakType = false): NDArray {
    const n = sizeOf(shape);
    runContext().allocate(n, shape);
    return new NDArray(dtype, shape, storageFor(dtype, n * slotsPerElement(dtype)), weakType);
  }

  /** The same data seen with another weak-type flag (no copy: arrays are immutable). */
  withWeakType(weakType: boolean): NDArray {
    return weakType === this.weakType ? this : new NDArray(this.dtype, this.shape, this.data, weakType);
  }
}
