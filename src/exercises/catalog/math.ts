// Float64 helpers for the closed forms. Written out plainly (no engine code), so the oracles
// stay independent of what they check.

export function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: number[]): number {
  return sum(xs) / xs.length;
}

export function dot(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new Error(`dot of lengths ${a.length} and ${b.length}`);
  return sum(a.map((x, i) => x * b[i]));
}

/** X w for X of shape (n, d) and w of shape (d,). */
export function matvec(X: number[][], w: number[]): number[] {
  return X.map((row) => dot(row, w));
}

/** Xᵀ r for X of shape (n, d) and r of shape (n,). */
export function matTvec(X: number[][], r: number[]): number[] {
  const d = X[0]?.length ?? 0;
  return Array.from({ length: d }, (_, j) => sum(X.map((row, i) => row[j] * r[i])));
}

export function scale(a: number[], k: number): number[] {
  return a.map((x) => x * k);
}

export function add(a: number[], b: number[]): number[] {
  return a.map((x, i) => x + b[i]);
}

/** The logistic function, without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + eˣ), without overflow for large x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
