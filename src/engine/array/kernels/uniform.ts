// Shared storage for large arrays holding one value everywhere: the broadcast of a scalar, such
// as the cotangent of a sum (ones of the operand's shape), made on every reverse pass.
//
// Why: arrays are immutable (kernels write only into arrays they have just allocated, and
// reshape already shares storage), so one filled buffer can back every broadcast of the same
// value, dtype and size. Filling a fresh buffer costs a full pass plus the page faults of new
// memory, which on a VM cost more than the pass itself; a reused buffer costs neither. And a
// kernel that meets such an array can read the one value instead of the whole buffer.
//
// Only sizes from MIN_ELEMENTS up are shared (small ones are cheap to fill), and at most
// MAX_RETAINED elements stay cached (least recently used evicted first), so the cache never
// holds more than a few tens of MB.

import { runContext } from '../../context';
import type { DType } from '../dtype';
import { NDArray, type Shape, sizeOf, storageFor, type Storage } from '../ndarray';

const MIN_ELEMENTS = 1 << 12;
const MAX_RETAINED = 1 << 22;

interface Entry {
  dtype: DType;
  value: number;
  data: Storage;
}

/** Most recently used last. */
const entries: Entry[] = [];
/** The one value of each shared buffer. */
const valueOfBuffer = new WeakMap<Storage, number>();

/**
 * An array of `shape` holding `value` everywhere, for a real (non-complex) dtype whose storage
 * holds `value` exactly (the caller passes an element read from an array of that dtype).
 * Charges the run's element budget like any allocation.
 */
export function uniformArray(dtype: DType, shape: Shape, value: number, weakType: boolean): NDArray {
  const n = sizeOf(shape);
  if (n < MIN_ELEMENTS || n > MAX_RETAINED) {
    const out = NDArray.zeros(dtype, shape, weakType);
    out.data.fill(value);
    return out;
  }
  runContext().allocate(n, shape);
  return new NDArray(dtype, shape, sharedBuffer(dtype, n, value), weakType);
}

function sharedBuffer(dtype: DType, n: number, value: number): Storage {
  const i = entries.findIndex((e) => e.dtype === dtype && e.data.length === n && Object.is(e.value, value));
  if (i >= 0) {
    const [hit] = entries.splice(i, 1);
    entries.push(hit);
    return hit.data;
  }
  const data = storageFor(dtype, n);
  data.fill(value);
  entries.push({ dtype, value, data });
  let retained = entries.reduce((s, e) => s + e.data.length, 0);
  while (retained > MAX_RETAINED) retained -= entries.shift()!.data.length;
  valueOfBuffer.set(data, value);
  return data;
}

/** The value every element of `x` holds when its storage is a shared uniform buffer. */
export function uniformValue(x: NDArray): number | undefined {
  return valueOfBuffer.get(x.data);
}
