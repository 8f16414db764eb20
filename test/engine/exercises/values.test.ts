import assert from 'node:assert/strict';
import { CATALOG } from '../../../src/exercises/catalog';
import { float32Text } from '../../../src/exercises/expected';
import {
  argumentsText,
  arange,
  floats,
  ints,
  linspace,
  materialize,
  type Materialized,
  pyDict,
  pyFloat,
  pyFloatRepr,
  pyInt,
  pythonText,
  pyTuple,
} from '../../../src/exercises/values';
import { type Literal, parseKeywordArgs } from './pyLiteral';

/** Tuples compare as sequences; everything else structurally, numbers within 1e-12 relative. */
function sameValue(a: Literal, b: Materialized, where: string): void {
  if (typeof a === 'object' && a !== null && !Array.isArray(a) && 'tuple' in a && Array.isArray(a.tuple)) a = a.tuple;
  if (typeof b === 'number' && typeof a === 'number') {
    assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${where}: ${a} vs ${b}`);
    return;
  }
  if (Array.isArray(b)) {
    assert.ok(Array.isArray(a), `${where}: expected a sequence`);
    assert.equal(a.length, b.length, `${where}: length`);
    b.forEach((bi, i) => sameValue((a as Literal[])[i], bi, `${where}[${i}]`));
    return;
  }
  if (typeof b === 'object') {
    assert.ok(typeof a === 'object' && !Array.isArray(a), `${where}: expected a dict`);
    assert.deepEqual(Object.keys(a as object), Object.keys(b), `${where}: keys`);
    for (const k of Object.keys(b)) sameValue((a as Record<string, Literal>)[k], b[k], `${where}['${k}']`);
    return;
  }
  assert.equal(a, b, where);
}

describe('exercises: Python text of test inputs', () => {
  it('writes floats exactly as CPython repr does', () => {
    // Oracle: CPython's float.__repr__ (shortest round-trip digits; exponent form below 1e-4 and from 1e16).
    const cases: [number, string][] = [
      [0, '0.0'],
      [-0, '-0.0'],
      [1, '1.0'],
      [-2.5, '-2.5'],
      [0.1, '0.1'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [1.5e-7, '1.5e-07'],
      [123456789, '123456789.0'],
      [1e15, '1000000000000000.0'],
      [1e16, '1e+16'],
      [1.5e16, '1.5e+16'],
      [2 ** 53, '9007199254740992.0'],
      [1e22, '1e+22'],
      [1.2345678901234567e300, '1.2345678901234567e+300'],
      [5e-324, '5e-324'],
      [NaN, 'nan'],
      [-Infinity, '-inf'],
    ];
    for (const [x, text] of cases) assert.equal(pyFloatRepr(x), text, String(x));
  });

  it('writes each kind of value as a Python expression', () => {
    assert.equal(pythonText(pyFloat(2)), '2.0');
    assert.equal(pythonText(pyInt(-3)), '-3');
    assert.equal(pythonText(pyFloat(Infinity)), "float('inf')");
    assert.equal(pythonText(floats([1, 2])), 'jnp.array([1.0, 2.0])');
    assert.equal(pythonText(ints([[1, 0], [0, 1]])), 'jnp.array([[1, 0], [0, 1]])');
    assert.equal(pythonText(linspace(-1, 1, 1000)), 'jnp.linspace(-1.0, 1.0, 1000)');
    assert.equal(pythonText(linspace(0, 1, 6, [3, 2])), 'jnp.linspace(0.0, 1.0, 6).reshape(3, 2)');
    assert.equal(pythonText(arange(4)), 'jnp.arange(4)');
    assert.equal(pythonText(pyTuple(pyFloat(1))), '(1.0,)');
    assert.equal(pythonText(pyDict({ w: floats([0.5]), b: pyFloat(0) })), "{'w': jnp.array([0.5]), 'b': 0.0}");
    assert.equal(pythonText(floats([1]), { jnp: '_j' }), '_j.array([1.0])');
    assert.throws(() => pythonText(ints([1.5])), /not an integer/);
  });

  it("matches the brief's example text for the quadratic exercise", () => {
    assert.equal(
      argumentsText({ w: pyFloat(0), b: pyFloat(1), x: floats([1, 2]) }),
      'w=0.0, b=1.0, x=jnp.array([1.0, 2.0])',
    );
  });

  it('materialises what JAX stores: float32-rounded floats, exact ints, linspace endpoints', () => {
    assert.equal(materialize(pyFloat(0.1)), Math.fround(0.1));
    assert.equal(materialize(pyFloat(0.1), { float32: false }), 0.1);
    assert.deepEqual(materialize(ints([1, 2])), [1, 2]);
    const xs = materialize(linspace(-1, 1, 1000)) as number[];
    assert.equal(xs.length, 1000);
    assert.equal(xs[0], -1);
    assert.equal(xs[999], 1);
    assert.ok(Math.abs(xs[500] - (-1 + 1000 / 999)) < 1e-7);
    assert.deepEqual(materialize(linspace(0, 5, 6, [2, 3])), [
      [0, 1, 2],
      [3, 4, 5],
    ]);
    assert.deepEqual(materialize(arange(4, [2, 2])), [
      [0, 1],
      [2, 3],
    ]);
  });

  it('float32Text prints the shortest float32 decimal', () => {
    assert.equal(float32Text(Math.fround(0.1)), '0.1');
    assert.equal(float32Text(6), '6.0');
    assert.equal(float32Text(Math.log(2)), '0.6931472');
  });

  it('the generated text of every catalog test reads back (via @lezer/python) as its data', () => {
    let count = 0;
    for (const exercise of CATALOG) {
      for (const test of [...exercise.examples, ...exercise.hiddenTests]) {
        const text = argumentsText(test.args);
        const parsed = parseKeywordArgs(text);
        assert.deepEqual(
          parsed.map(([name]) => name),
          Object.keys(test.args),
          `${exercise.id}/${test.id}: argument names`,
        );
        for (const [name, value] of parsed) {
          sameValue(value, materialize(test.args[name], { float32: false }), `${exercise.id}/${test.id}: ${name}`);
        }
        for (const value of Object.values(test.args)) {
          if (!('array' in value)) continue;
          // int32 data must be written as int literals, float32 data as float literals.
          const numbers = pythonText(value).match(/-?[\d.e+-]+(?=[,\]])/g) ?? [];
          const floatLike = numbers.map((n) => /[.e]/.test(n));
          assert.ok(floatLike.every((f) => f === (value.dtype === 'float32')), `${exercise.id}/${test.id}: ${pythonText(value)}`);
        }
        count++;
      }
    }
    assert.ok(count >= 60, `only ${count} tests in the catalog`);
  });
});
