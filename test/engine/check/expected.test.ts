import assert from 'node:assert/strict';
import { compareExpectedTree } from '../../../src/engine/check/expectedCompare';
import { parseExpected, readExpected } from '../../../src/engine/check/expectedParse';
import type { ArrayLeaf, Tree } from '../../../src/engine/report';

// Actual values as JAX gives them (SEMANTICS §2.4/§2.6), encoded as report Trees.
const weak4: ArrayLeaf = { value: 4, dtype: 'float32', shape: [], weak_type: true, repr: 'Array(4., dtype=float32, weak_type=True)' };
const twos: ArrayLeaf = { value: [2, 2], dtype: 'float32', shape: [2], weak_type: false, repr: 'Array([2., 2.], dtype=float32)' };
const int3: ArrayLeaf = { value: 3, dtype: 'int32', shape: [], weak_type: false, repr: 'Array(3, dtype=int32)' };

describe('check/expected: parsing the comment', () => {
  const cases: [string, string | undefined][] = [
    [' → 4.0', '4.0'],
    [' -> 4.0', '4.0'],
    [' → 4.0  (1 + 3: the derivative of w*1 + w*3 in w)', '4.0'],
    [' → [2. 2.]  (w, for each x_i)', '[2. 2.]'],
    [' → (4.0, [2. 2.])', '(4.0, [2. 2.])'],
    [' → (8.0, 4.0)', '(8.0, 4.0)'],
    [' → 6.0   (2*1*1 + 2*1*2)', '6.0'],
    [' → Array(4., dtype=float32, weak_type=True)', 'Array(4., dtype=float32, weak_type=True)'],
    [' → jnp.ones(3) * 2  (twos)', 'jnp.ones(3) * 2'],
    [' → -inf', '-inf'],
    [' → 1+2j', '1+2j'],
    [' just a remark', undefined],
    [' → ', undefined],
  ];
  for (const [comment, text] of cases) {
    it(`${JSON.stringify(comment)} → ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseExpected(comment), text === undefined ? undefined : { text });
    });
  }

  it('reads NumPy print form as an array and a Python expression as python', () => {
    assert.deepEqual(readExpected('[2. 2.]'), {
      kind: 'seq', commas: false,
      items: [{ kind: 'number', value: 2, isInt: false }, { kind: 'number', value: 2, isInt: false }],
    });
    assert.deepEqual(readExpected('jnp.ones(3) * 2'), { kind: 'python', text: 'jnp.ones(3) * 2' });
  });
});

describe('check/expected: comparing', () => {
  const check = (actual: Tree, text: string) => compareExpectedTree(actual, text);

  it('4.0 matches a weak float32 4.0; 4.1 does not, and the message names both', () => {
    assert.deepEqual(check(weak4, '4.0'), { text: '4.0', ok: true });
    assert.deepEqual(check(weak4, '4'), { text: '4', ok: true });
    const r = check(weak4, '4.1');
    assert.equal(r.ok, false);
    assert.equal(r.message, 'Expected 4.1, got Array(4., dtype=float32, weak_type=True)');
  });

  it('float32 tolerance: a value printed with 6 digits matches, one off in the 5th does not', () => {
    const tanhPrime: ArrayLeaf = { value: 0.9610432386398315, dtype: 'float32', shape: [], weak_type: true, repr: '' };
    assert.equal(check(tanhPrime, '0.961043').ok, true);
    assert.equal(check(tanhPrime, '0.96105').ok, false);
  });

  it('[2. 2.] matches the array; shape mismatches are reported', () => {
    assert.equal(check(twos, '[2. 2.]').ok, true);
    assert.equal(check(twos, '[2.0, 2.0]').ok, true);
    assert.match(check(twos, '[2. 2. 2.]').message!, /shape \(2,\), expected \(3,\)/);
    assert.match(check(twos, '2.0').message!, /shape \(2,\), expected \(\)/);
  });

  it('ints compare exactly', () => {
    assert.equal(check(int3, '3').ok, true);
    assert.equal(check(int3, '3.0000001').ok, false);
    assert.equal(check({ python: 'int', value: 7 }, '7').ok, true);
    assert.equal(check({ python: 'bool', value: true }, 'True').ok, true);
    assert.equal(check({ python: 'bool', value: true }, 'False').ok, false);
  });

  it('tuples element-wise, with the grad pair of the worked example', () => {
    const pair: Tree = { tuple: [weak4, twos] };
    assert.equal(check(pair, '(4.0, [2. 2.])').ok, true);
    assert.equal(check(pair, '(4.0, [2. 3.])').ok, false);
    assert.equal(check(pair, '[4.0, [2. 2.]]').ok, false);
    assert.equal(check({ list: [weak4] }, '[4.0]').ok, true);
  });

  it('a JAX repr also pins dtype and weak type', () => {
    assert.equal(check(weak4, 'Array(4., dtype=float32, weak_type=True)').ok, true);
    assert.match(check(weak4, 'Array(4., dtype=float32)').message!, /weakly typed/);
    assert.match(check(twos, 'Array([2., 2.], dtype=int32)').message!, /dtype float32, expected int32/);
  });

  it('NaN matches nan; Python floats compare with tolerance', () => {
    assert.equal(check({ value: 'nan', dtype: 'float32', shape: [], weak_type: false, repr: '' }, 'nan').ok, true);
    assert.equal(check({ python: 'float', value: 8.0 }, '8.0').ok, true);
    assert.equal(check({ python: 'float', value: 8.0 }, '8.5').message, 'Expected 8.5, got 8.0');
  });

  it('a Python expected expression is evaluated by the caller', () => {
    const r = compareExpectedTree(twos, 'jnp.ones(2) * 2', () => ({ ...twos, weak_type: false }));
    assert.equal(r.ok, true);
  });
});
