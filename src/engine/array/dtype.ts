// Dtypes as data. The promotion lattice and the per-dtype facts live in tables here so that
// every layer asks the same source (see promotion.ts for the lattice).

export type DType =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float16'
  | 'bfloat16'
  | 'float32'
  | 'float64'
  | 'complex64'
  | 'complex128'
  | 'float0';

export type DTypeKind = 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'float0';

export interface DTypeInfo {
  kind: DTypeKind;
  /** Bits per element (a complex counts both parts). */
  bits: number;
  /** The 32-bit dtype a 64-bit one becomes while x64 is off. */
  canonical32: DType;
}

export const DTYPES: Readonly<Record<DType, DTypeInfo>> = {
  bool: { kind: 'bool', bits: 8, canonical32: 'bool' },
  int8: { kind: 'int', bits: 8, canonical32: 'int8' },
  int16: { kind: 'int', bits: 16, canonical32: 'int16' },
  int32: { kind: 'int', bits: 32, canonical32: 'int32' },
  int64: { kind: 'int', bits: 64, canonical32: 'int32' },
  uint8: { kind: 'uint', bits: 8, canonical32: 'uint8' },
  uint16: { kind: 'uint', bits: 16, canonical32: 'uint16' },
  uint32: { kind: 'uint', bits: 32, canonical32: 'uint32' },
  uint64: { kind: 'uint', bits: 64, canonical32: 'uint32' },
  float16: { kind: 'float', bits: 16, canonical32: 'float16' },
  bfloat16: { kind: 'float', bits: 16, canonical32: 'bfloat16' },
  float32: { kind: 'float', bits: 32, canonical32: 'float32' },
  float64: { kind: 'float', bits: 64, canonical32: 'float32' },
  complex64: { kind: 'complex', bits: 64, canonical32: 'complex64' },
  complex128: { kind: 'complex', bits: 128, canonical32: 'complex64' },
  float0: { kind: 'float0', bits: 0, canonical32: 'float0' },
};

export function isFloating(d: DType): boolean {
  return DTYPES[d].kind === 'float';
}
export function isComplex(d: DType): boolean {
  return DTYPES[d].kind === 'complex';
}
/** np.inexact: floating or complex. */
export function isInexact(d: DType): boolean {
  const k = DTYPES[d].kind;
  return k === 'float' || k === 'complex';
}
export function isInteger(d: DType): boolean {
  const k = DTYPES[d].kind;
  return k === 'int' || k === 'uint';
}

/** Shape and dtype of an array or tracer: JAX's "abstract value". */
export interface AVal {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly weakType: boolean;
}
