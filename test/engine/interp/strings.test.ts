// Strings: reprs, f-strings (conversions, format specs, nested specs, `=`), str.format, `%`,
// and the methods real snippets use. Oracle: Python's format-spec mini-language docs.

import assert from 'node:assert/strict';
import { errorOf, evalRepr, run } from './helpers';

describe('interp: strings and formatting', () => {
  it('reprs strings like CPython', () => {
    assert.equal(evalRepr(`"it's"`), `"it's"`);
    assert.equal(evalRepr(`'say "hi"'`), `'say "hi"'`);
    assert.equal(evalRepr(`'a\\nb\\t\\\\'`), `'a\\nb\\t\\\\'`);
    assert.equal(evalRepr(`'both \\' and "'`), `'both \\' and "'`);
  });

  it('formats f-strings with conversions and specs', () => {
    assert.equal(evalRepr(`f"{x:.2f}|{x!r}|{s!r}|{s}|{n:>5}|{n:<5}|{n:^5}|{n:05d}"`, 'x = 3.14159\ns = "a"\nn = 42'), `"3.14|3.14159|'a'|a|   42|42   | 42  |00042"`);
    assert.equal(evalRepr('f"{1234567:,} {1234567.891:,.2f} {255:x} {255:#b} {0.25:.1%} {12345.678:e}"'), "'1,234,567 1,234,567.89 ff 0b11111111 25.0% 1.234568e+04'");
    assert.equal(evalRepr('f"{x=}, {x = :.1f}"', 'x = 2.5'), "'x=2.5, x = 2.5'");
    assert.equal(evalRepr('f"{v:{w}.{p}f}"', 'v = 1.23456\nw = 8\np = 3'), "'   1.235'");
    assert.equal(evalRepr('f"{{}} {{x}}"'), "'{} {x}'");
    assert.equal(evalRepr('f"{1e20:g} {1e-5:g} {123456789:g} {0.0001:g} {100.0:g}"'), "'1e+20 1e-05 1.23457e+08 0.0001 100'");
    assert.equal(evalRepr('f"{1.0:.3} {1234.5:.3} {0.5:.3}"'), "'1.0 1.23e+03 0.5'");
    assert.equal(evalRepr('f"{-1.5:+.1f} {1.5:+.1f} {1.5: .1f}"'), "'-1.5 +1.5  1.5'");
    assert.equal(evalRepr('f"{True} {None} {[1, 2]}"'), "'True None [1, 2]'");
    assert.equal(evalRepr('f"{\'x\':*^7}"'), "'***x***'");
  });

  it('formats with str.format and %', () => {
    assert.equal(evalRepr('"{} + {} = {total}".format(1, 2, total=3)'), "'1 + 2 = 3'");
    assert.equal(evalRepr('"{0}{1}{0}".format("a", "b")'), "'aba'");
    assert.equal(evalRepr('"{:>6.2f}".format(3.14159)'), "'  3.14'");
    assert.equal(evalRepr('"%s=%.3f (%d%%)" % ("x", 2.0, 50)'), "'x=2.000 (50%)'");
    assert.equal(evalRepr('"%5s|%-5s|%r" % ("a", "b", "c")'), `"    a|b    |'c'"`);
    assert.equal(errorOf('"%d %d" % (1,)'), 'TypeError: not enough arguments for format string');
    assert.equal(errorOf('"%d" % (1, 2)'), 'TypeError: not all arguments converted during string formatting');
    assert.equal(errorOf('format(1.5, "d")'), "ValueError: Unknown format code 'd' for object of type 'float'");
  });

  it('implements common str methods', () => {
    assert.equal(evalRepr('", ".join(["a", "b"]), "a,b,,c".split(","), " a  b ".split(), "a b c".split(" ", 1)'), "('a, b', ['a', 'b', '', 'c'], ['a', 'b'], ['a', 'b c'])");
    assert.equal(evalRepr('"  x ".strip(), "xxhixx".strip("x"), "Hi".upper(), "Hi".lower(), "hello world".title()'), "('x', 'hi', 'HI', 'hi', 'Hello World')");
    assert.equal(evalRepr('"abc".startswith("ab"), "abc".endswith(("x", "c")), "aaa".replace("a", "b", 2), "banana".count("an")'), "(True, True, 'bba', 2)");
    assert.equal(evalRepr('"abc".find("c"), "abc".find("z"), "abc"[1:], "abc"[::-1], "ab" * 2, "b" in "abc"'), "(2, -1, 'bc', 'cba', 'abab', True)");
    assert.equal(evalRepr('"7".zfill(3), "ab".center(6, "*"), "a".ljust(3) + "|", "12".isdigit(), "ab".isalpha()'), "('007', '**ab**', 'a  |', True, True)");
    assert.equal(errorOf('", ".join([1])'), 'TypeError: sequence item 0: expected str instance, int found');
    assert.equal(errorOf('1 in "abc"'), "TypeError: 'in <string>' requires string as left operand, not int");
  });

  it('prints with sep and end, collecting lines', () => {
    const o = run('print("a", "b", sep="-", end="")\nprint("c")\nprint(1.0, None, [1, "x"])\nprint()\nprint("x\\ny")\n');
    assert.deepEqual(o.output, ['a-bc', "1.0 None [1, 'x']", '', 'x', 'y']);
  });
});
