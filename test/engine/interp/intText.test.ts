// CPython's int <-> str digit limit (3.11; backported to 3.10.7): found while looking for
// quadratic work the fuzzer's time limit could miss (`int("9" * 10**6)` took minutes). The
// expected texts and values are CPython 3.11's.
import assert from 'node:assert/strict';
import { errorOf, evalRepr } from './helpers';

const LIMIT = 'Exceeds the limit (4300 digits) for integer string conversion';
const HINT = 'use sys.set_int_max_str_digits() to increase the limit';

describe('int <-> str digit limit (CPython 3.11)', () => {
  it('int() of more than 4300 decimal digits is ValueError, naming the count', () => {
    assert.equal(errorOf('int("9" * 4301)'), `ValueError: ${LIMIT}: value has 4301 digits; ${HINT}`);
    assert.equal(errorOf('int("1" * 1_000_000)'), `ValueError: ${LIMIT}: value has 1000000 digits; ${HINT}`);
    assert.equal(evalRepr('int("9" * 4300) % 7'), '3');
  });

  it('str/repr/format of an int past 4300 digits is ValueError; 4300 digits is fine', () => {
    for (const e of ['str(10**4300)', 'repr(10**5000)', 'f"{10**4300}"', '"{:,}".format(10**4300)']) {
      assert.equal(errorOf(e), `ValueError: ${LIMIT}; ${HINT}`, e);
    }
    assert.equal(evalRepr('len(str(10**4299))'), '4300');
    assert.equal(evalRepr('repr(-10**4299)[:3]'), "'-10'");
  });

  it('power-of-two bases have no limit, and other parses are unchanged', () => {
    assert.equal(evalRepr('int("ff" * 3000, 16) % 1000'), '375');
    assert.equal(evalRepr('[int("1_000"), int(" -12 "), int("0x1f", 0), int("z", 36), int("0o17", 0), int("-0b101", 0)]'), '[1000, -12, 31, 35, 15, -5]');
    assert.equal(errorOf('int("12a")'), "ValueError: invalid literal for int() with base 10: '12a'");
    assert.equal(errorOf('int("0b102", 0)'), "ValueError: invalid literal for int() with base 0: '0b102'");
    assert.equal(errorOf('int("0x1g", 16)'), "ValueError: invalid literal for int() with base 16: '0x1g'");
  });
});
