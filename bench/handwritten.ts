// The baseline for the elementwise-gradient benchmark: value and gradient of
//   L(w, b) = Σᵢ tanh(wᵢ·xᵢ + b)²
// written by hand over Float32Arrays, the fastest a JS engine can reasonably do it:
//   ∂L/∂wᵢ = 2·tᵢ·(1 − tᵢ²)·xᵢ,  ∂L/∂b = Σᵢ 2·tᵢ·(1 − tᵢ²),  tᵢ = tanh(wᵢ·xᵢ + b).

export interface HandResult {
  value: number;
  gradW: Float32Array;
  gradB: number;
}

export function handValueAndGrad(w: Float32Array, x: Float32Array, b: number): HandResult {
  const n = w.length;
  const gradW = new Float32Array(n);
  let value = 0;
  let gradB = 0;
  for (let i = 0; i < n; i++) {
    const t = Math.fround(Math.tanh(Math.fround(Math.fround(w[i] * x[i]) + b)));
    value += t * t;
    const d = 2 * t * (1 - t * t);
    gradW[i] = d * x[i];
    gradB += d;
  }
  return { value: Math.fround(value), gradW, gradB: Math.fround(gradB) };
}

/** Deterministic inputs in [-1, 1): a linear congruential sequence, the same in every run. */
export function inputs(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}
