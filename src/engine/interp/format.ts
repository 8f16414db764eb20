// `format(value, spec)` for Python's str, int, bool, float and complex: CPython's format
// specification language, implemented once in numeric/pyformat.ts (0-d arrays use it too).

import { pyFormat } from '../numeric/pyformat';

export function formatStr(s: string, spec: string): string {
  return spec === '' ? s : pyFormat({ kind: 'str', value: s }, spec);
}

/** `typeName`: the object's type, which CPython's error texts name (`bool`, an int subclass). */
export function formatInt(n: bigint, spec: string, typeName = 'int'): string {
  return typeName === 'bool' ? pyFormat({ kind: 'bool', value: n !== 0n }, spec) : pyFormat({ kind: 'int', value: n, typeName }, spec);
}

export function formatFloat(x: number, spec: string): string {
  return pyFormat({ kind: 'float', value: x }, spec);
}

export function formatComplex(re: number, im: number, spec: string): string {
  return pyFormat({ kind: 'complex', re, im }, spec);
}
