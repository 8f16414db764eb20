// Monomorphic loops for the hot float ops over float32 and float64 storage.
//
// Why the near-identical copies: V8 optimises a function for the typed-array types it has seen.
// One loop fed both Float32Array and Float64Array turns polymorphic (or megamorphic with the
// scalar modes) and runs 2-3× slower; the engine always mixes both (float64 for Python floats and
// the finite-difference probes, float32 for user arrays). So each storage type gets its own
// functions, each with a concrete parameter type, and each function holds one loop per op with
// no closure call inside it. The results are what the general path computes: the same IEEE
// operation in float64, rounded once by the store.

export type FastBinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'max' | 'min';
export type FastUnaryOp = 'neg' | 'exp' | 'log' | 'tanh' | 'logistic' | 'sin' | 'cos' | 'sqrt' | 'abs' | 'square' | 'reciprocal';

const BINARY: ReadonlySet<string> = new Set<FastBinaryOp>(['add', 'sub', 'mul', 'div', 'max', 'min']);
const UNARY: ReadonlySet<string> = new Set<FastUnaryOp>([
  'neg', 'exp', 'log', 'tanh', 'logistic', 'sin', 'cos', 'sqrt', 'abs', 'square', 'reciprocal',
]);

export function isFastBinary(op: string): op is FastBinaryOp {
  return BINARY.has(op);
}

export function isFastUnary(op: string): op is FastUnaryOp {
  return UNARY.has(op);
}

// ---- float32 ------------------------------------------------------------------------------

export function binarySame32(op: FastBinaryOp, a: Float32Array, b: Float32Array, o: Float32Array): void {
  const n = o.length;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; return;
    case 'sub': for (let i = 0; i < n; i++) o[i] = a[i] - b[i]; return;
    case 'mul': for (let i = 0; i < n; i++) o[i] = a[i] * b[i]; return;
    case 'div': for (let i = 0; i < n; i++) o[i] = a[i] / b[i]; return;
    case 'max': for (let i = 0; i < n; i++) o[i] = Math.max(a[i], b[i]); return;
    case 'min': for (let i = 0; i < n; i++) o[i] = Math.min(a[i], b[i]); return;
  }
}

/** `s op b[i]`: the scalar on the left. */
export function binaryScalarLeft32(op: FastBinaryOp, s: number, b: Float32Array, o: Float32Array): void {
  const n = o.length;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = s + b[i]; return;
    case 'sub': for (let i = 0; i < n; i++) o[i] = s - b[i]; return;
    case 'mul': for (let i = 0; i < n; i++) o[i] = s * b[i]; return;
    case 'div': for (let i = 0; i < n; i++) o[i] = s / b[i]; return;
    case 'max': for (let i = 0; i < n; i++) o[i] = Math.max(s, b[i]); return;
    case 'min': for (let i = 0; i < n; i++) o[i] = Math.min(s, b[i]); return;
  }
}

/** `a[i] op s`: the scalar on the right. */
export function binaryScalarRight32(op: FastBinaryOp, a: Float32Array, s: number, o: Float32Array): void {
  const n = o.length;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = a[i] + s; return;
    case 'sub': for (let i = 0; i < n; i++) o[i] = a[i] - s; return;
    case 'mul': for (let i = 0; i < n; i++) o[i] = a[i] * s; return;
    case 'div': for (let i = 0; i < n; i++) o[i] = a[i] / s; return;
    case 'max': for (let i = 0; i < n; i++) o[i] = Math.max(a[i], s); return;
    case 'min': for (let i = 0; i < n; i++) o[i] = Math.min(a[i], s); return;
  }
}

export function unary32(op: FastUnaryOp, a: Float32Array, o: Float32Array): void {
  const n = o.length;
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) o[i] = -a[i]; return;
    case 'exp': for (let i = 0; i < n; i++) o[i] = Math.exp(a[i]); return;
    case 'log': for (let i = 0; i < n; i++) o[i] = Math.log(a[i]); return;
    case 'tanh': tanh32(a, o); return;
    case 'logistic': for (let i = 0; i < n; i++) o[i] = 1 / (1 + Math.exp(-a[i])); return;
    case 'sin': for (let i = 0; i < n; i++) o[i] = Math.sin(a[i]); return;
    case 'cos': for (let i = 0; i < n; i++) o[i] = Math.cos(a[i]); return;
    case 'sqrt': for (let i = 0; i < n; i++) o[i] = Math.sqrt(a[i]); return;
    case 'abs': for (let i = 0; i < n; i++) o[i] = Math.abs(a[i]); return;
    case 'square': for (let i = 0; i < n; i++) { const v = a[i]; o[i] = v * v; } return;
    case 'reciprocal': for (let i = 0; i < n; i++) o[i] = 1 / a[i]; return;
  }
}

/** tanh through one exp: (1 - e^{-2|x|}) / (1 + e^{-2|x|}), with the cubic Taylor polynomial
 *  near 0 where that form cancels. Its float64 error (a few 1e-16 relative) is far below
 *  float32's half-ulp, so the float32 results equal Math.tanh's rounded ones except in
 *  vanishingly rare midpoint cases (XLA's own float32 tanh is an approximation too). It is
 *  faster than Math.tanh; used for float32 outputs only. */
function tanh32(a: Float32Array, o: Float32Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const ax = Math.abs(x);
    if (ax < 0.0005) {
      o[i] = x * (1 - (x * x) / 3); // keeps the sign of zero
    } else {
      const e = Math.exp(-2 * ax);
      const r = (1 - e) / (1 + e);
      o[i] = x < 0 ? -r : r;
    }
  }
}

/** x ** 2 with float32 rounding: lax.integer_pow's single product, rounded by the store. */
export function square32(a: Float32Array, o: Float32Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) { const v = a[i]; o[i] = v * v; }
}

/** Plain sum of a contiguous run (the leaves of the pairwise sum), in float64. */
export function runSum32(a: Float32Array, start: number, end: number): number {
  let s = 0;
  for (let i = start; i < end; i++) s += a[i];
  return s;
}

// ---- float64: the same loops over Float64Array ------------------------------------------------

export function binarySame64(op: FastBinaryOp, a: Float64Array, b: Float64Array, o: Float64Array): void {
  const n = o.length;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; return;
    case 'sub': for (let i = 0; i < n; i++) o[i] = a[i] - b[i]; return;
    case 'mul': for (let i = 0; i < n; i++) o[i] = a[i] * b[i]; return;
    case 'div': for (let i = 0; i < n; i++) o[i] = a[i] / b[i]; return;
    case 'max': for (let i = 0; i < n; i++) o[i] = Math.max(a[i], b[i]); return;
    case 'min': for (let i = 0; i < n; i++) o[i] = Math.min(a[i], b[i]); return;
  }
}

export function binaryScalarLeft64(op: FastBinaryOp, s: number, b: Float64Array, o: Float64Array): void {
  const n = o.length;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = s + b[i]; return;
    case 'sub': for (let i = 0; i < n; i++) o[i] = s - b[i]; return;
    case 'mul': for (let i = 0; i < n; i++) o[i] = s * b[i]; return;
    case 'div': for (let i = 0; i < n; i++) o[i] = s / b[i]; return;
    case 'max': for (let i = 0; i < n; i++) o[i] = Math.max(s, b[i]); return;
    case 'min': for (let i = 0; i < n; i++) o[i] = Math.min(s, b[i]); return;
  }
}

export function binaryScalarRight64(op: FastBinaryOp, a: Float64Array, s: number, o: Float64Array): void {
  const n = o.length;
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) o[i] = a[i] + s; return;
    case 'sub': for (let i = 0; i < n; i++) o[i] = a[i] - s; return;
    case 'mul': for (let i = 0; i < n; i++) o[i] = a[i] * s; return;
    case 'div': for (let i = 0; i < n; i++) o[i] = a[i] / s; return;
    case 'max': for (let i = 0; i < n; i++) o[i] = Math.max(a[i], s); return;
    case 'min': for (let i = 0; i < n; i++) o[i] = Math.min(a[i], s); return;
  }
}

export function unary64(op: FastUnaryOp, a: Float64Array, o: Float64Array): void {
  const n = o.length;
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) o[i] = -a[i]; return;
    case 'exp': for (let i = 0; i < n; i++) o[i] = Math.exp(a[i]); return;
    case 'log': for (let i = 0; i < n; i++) o[i] = Math.log(a[i]); return;
    case 'tanh': for (let i = 0; i < n; i++) o[i] = Math.tanh(a[i]); return;
    case 'logistic': for (let i = 0; i < n; i++) o[i] = 1 / (1 + Math.exp(-a[i])); return;
    case 'sin': for (let i = 0; i < n; i++) o[i] = Math.sin(a[i]); return;
    case 'cos': for (let i = 0; i < n; i++) o[i] = Math.cos(a[i]); return;
    case 'sqrt': for (let i = 0; i < n; i++) o[i] = Math.sqrt(a[i]); return;
    case 'abs': for (let i = 0; i < n; i++) o[i] = Math.abs(a[i]); return;
    case 'square': for (let i = 0; i < n; i++) { const v = a[i]; o[i] = v * v; } return;
    case 'reciprocal': for (let i = 0; i < n; i++) o[i] = 1 / a[i]; return;
  }
}

export function square64(a: Float64Array, o: Float64Array): void {
  const n = o.length;
  for (let i = 0; i < n; i++) { const v = a[i]; o[i] = v * v; }
}

export function runSum64(a: Float64Array, start: number, end: number): number {
  let s = 0;
  for (let i = start; i < end; i++) s += a[i];
  return s;
}
