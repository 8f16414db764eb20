// The array kernel API (docs: /work/briefs/kernels-api.md, the contract with autodiff/).
// Every kernel takes and returns NDArrays, allocates through NDArray.zeros (charging the run's
// element budget) and never mutates its inputs.

export { type UnaryKernel, unary } from './unary';
export { type BinaryKernel, binary } from './binary';
export { integerPow } from './power';
export { clamp, select } from './ternary';
export { convert, full, fromNested, getScalar, iota, type Scalar, toNested } from './convert';
export { argReduce, cumulative, reduce, type ReduceKernel } from './reduce';
export { type DotDims, dotGeneral } from './dot';
export { broadcastInDim, concatenate, expandDims, pad, reshape, rev, squeeze, transpose } from './shape';
export { dynamicSlice, dynamicUpdateSlice, slice } from './slice';
export { argsort, sort } from './sort';
export { gather, scatter } from './indexing';
