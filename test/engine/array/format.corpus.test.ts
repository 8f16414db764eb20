// arrayRepr against every `repr` of the JAX reference corpus, and against the reprs quoted in
// SEMANTICS §2.6 (JAX's docstrings and tests).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DType } from '../../../src/engine/array/dtype';
import { arrayRepr, arrayStr } from '../../../src/engine/array/format';
import { NDArray, slotsPerElement, storageFor } from '../../../src/engine/array/ndarray';

const CORPUS = path.join(__dirname, '..', '..', '..', '..', '..', 'shared', 'jax-reference', 'cases-public.jsonl');

type Scalar = number | boolean | string | { re: number | string; im: number | string };
type Nested = Scalar | Nested[];

function toNumber(v: number | boolean | string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  return { nan: NaN, inf: Infinity, '-inf': -Infinity }[v] ?? Number(v);
}

/** Builds an NDArray from a corpus leaf's nested value. */
function arrayOf(dtype: DType, shape: number[], value: Nested, weakType = false): NDArray {
  const flat: Scalar[] = [];
  const walk = (v: Nested): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else flat.push(v);
  };
  walk(value);
  const slots = slotsPerElement(dtype);
  const data = storageFor(dtype, flat.length * slots);
  flat.forEach((v, i) => {
    if (typeof v === 'object') {
      data[2 * i] = toNumber(v.re);
      data[2 * i + 1] = toNumber(v.im);
    } else data[i * slots] = toNumber(v);
  });
  return new NDArray(dtype, shape, data, weakType);
}

interface Leaf {
  value: Nested;
  dtype: DType;
  shape: number[];
  weak_type?: boolean;
  repr?: string;
}

function leaves(tree: unknown, out: Leaf[]): void {
  if (tree === null || typeof tree !== 'object') return;
  const t = tree as Record<string, unknown>;
  if (typeof t.repr === 'string' && 'dtype' in t) {
    out.push(t as unknown as Leaf);
    return;
  }
  for (const v of Object.values(t)) leaves(v, out);
}

describe('array/format: the JAX reference corpus reprs', () => {
  const lines = fs.readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim());
  const cases: { id: string; leaf: Leaf }[] = [];
  for (const line of lines) {
    const c = JSON.parse(line) as { id: string; expect: unknown };
    const found: Leaf[] = [];
    leaves(c.expect, found);
    for (const leaf of found) cases.push({ id: c.id, leaf });
  }

  it('finds the corpus reprs', () => {
    assert.ok(cases.length >= 50, `only ${cases.length} reprs found in ${CORPUS}`);
  });

  for (const { id, leaf } of cases) {
    it(`${id}: ${leaf.repr!.split('\n')[0]}`, () => {
      const a = arrayOf(leaf.dtype, leaf.shape, leaf.value, leaf.weak_type ?? false);
      assert.equal(arrayRepr(a), leaf.repr);
    });
  }
});

describe('array/format: SEMANTICS §2.6 and the JAX docs', () => {
  const table: [string, NDArray, string][] = [
    ['weak scalar', arrayOf('float32', [], 4, true), 'Array(4., dtype=float32, weak_type=True)'],
    ['two elements', arrayOf('float32', [2], [2, 2]), 'Array([2., 2.], dtype=float32)'],
    ['padding', arrayOf('float32', [5], [0, 1, 12, 3, 4]), 'Array([ 0.,  1., 12.,  3.,  4.], dtype=float32)'],
    ['right padding', arrayOf('float32', [7], [0, 0, 0, 0, 0.5, 1, 2]), 'Array([0. , 0. , 0. , 0. , 0.5, 1. , 2. ], dtype=float32)'],
    ['2-D int', arrayOf('int32', [2, 3], [[1, 2, 3], [4, 5, 6]]), 'Array([[1, 2, 3],\n       [4, 5, 6]], dtype=int32)'],
    ['nan', arrayOf('float32', [], 'nan'), 'Array(nan, dtype=float32)'],
    ['inf', arrayOf('float32', [], 'inf'), 'Array(inf, dtype=float32)'],
    ['empty', arrayOf('float32', [0], []), 'Array([], shape=(0,), dtype=float32)'],
    ['weak int', arrayOf('int32', [], 42, true), 'Array(42, dtype=int32, weak_type=True)'],
    ['weak float', arrayOf('float32', [], 3.5, true), 'Array(3.5, dtype=float32, weak_type=True)'],
    ['weak complex', arrayOf('complex64', [], { re: 1, im: 1 }, true), 'Array(1.+1.j, dtype=complex64, weak_type=True)'],
    ['bool scalar', arrayOf('bool', [], true), 'Array(True, dtype=bool)'],
    ['bool vector', arrayOf('bool', [2], [true, false]), 'Array([ True, False], dtype=bool)'],
    ['int list', arrayOf('int32', [3], [1, 2, 3]), 'Array([1, 2, 3], dtype=int32)'],
    ['int8 weak', arrayOf('int8', [5], [0, 2, 4, 6, 8]), 'Array([0, 2, 4, 6, 8], dtype=int8)'],
    ['weak float vector', arrayOf('float32', [3], [1.5, 2.5, 3.5], true), 'Array([1.5, 2.5, 3.5], dtype=float32, weak_type=True)'],
    // The ml_dtypes README: np.zeros(4, dtype=bfloat16) prints its elements with the scalar repr.
    ['bfloat16 zeros', arrayOf('bfloat16', [4], [0, 0, 0, 0]), 'Array([0, 0, 0, 0], dtype=bfloat16)'],
  ];
  for (const [name, a, want] of table) {
    it(name, () => assert.equal(arrayRepr(a), want));
  }

  it('str of a 0-d float32 is the float32 scalar str (grad of tanh at 0.2 prints 0.961043)', () => {
    // 1 - tanh(0.2)^2 rounded to float32; its float32 shortest digits are 0.961043.
    const t = Math.fround(Math.tanh(0.2));
    const g = Math.fround(1 - Math.fround(t * t));
    assert.equal(arrayStr(arrayOf('float32', [], g)), '0.961043');
  });

  it('str drops the Array wrapper and the commas', () => {
    assert.equal(arrayStr(arrayOf('float32', [2], [2, 2])), '[2. 2.]');
    assert.equal(arrayStr(arrayOf('int32', [2, 3], [[1, 2, 3], [4, 5, 6]])), '[[1 2 3]\n [4 5 6]]');
    assert.equal(arrayStr(arrayOf('bool', [], true)), 'True');
  });

  it('float32 values print with float32 shortest digits', () => {
    assert.equal(arrayRepr(arrayOf('float32', [], Math.fround(0.1))), 'Array(0.1, dtype=float32)');
    assert.equal(arrayRepr(arrayOf('float32', [], Math.fround(1 / 3))), 'Array(0.33333334, dtype=float32)');
    assert.equal(arrayRepr(arrayOf('float64', [], 1 / 3)), 'Array(0.33333333, dtype=float64)');
  });
});
