// The syntax layer: lezer tree → typed AST with spans; syntax errors with Python-like messages
// and positions; which top-level statements are intact; trailing comments. Oracles: CPython's
// own messages and positions for the same inputs ("'(' was never closed", "expected ':'", ...).

import assert from 'node:assert/strict';
import { LineIndex, parseModule, type Expr, type Stmt } from '../../../src/engine/syntax';

function only(src: string): Stmt {
  const m = parseModule(src);
  assert.deepEqual(m.syntaxErrors, []);
  assert.equal(m.statements.length, 1);
  return m.statements[0].stmt!;
}

function expr(src: string): Expr {
  const s = only(src);
  assert.equal(s.kind, 'Expr');
  return (s as Extract<Stmt, { kind: 'Expr' }>).value;
}

describe('syntax: LineIndex', () => {
  it('maps offsets to 1-based lines and 0-based columns', () => {
    const li = new LineIndex('ab\ncd\r\nef\n');
    assert.deepEqual(li.position(0), { line: 1, column: 0, offset: 0 });
    assert.deepEqual(li.position(4), { line: 2, column: 1, offset: 4 });
    assert.deepEqual(li.position(7), { line: 3, column: 0, offset: 7 });
    assert.equal(li.lineEnd(2), 5);
    assert.equal(li.lineStart(3), 7);
  });
});

describe('syntax: AST conversion', () => {
  it('literals: ints as bigints, floats including "3.", strings with escapes', () => {
    assert.deepEqual((expr('12345678901234567890') as { value: unknown }).value, { type: 'int', value: 12345678901234567890n });
    assert.deepEqual((expr('0x1F') as { value: unknown }).value, { type: 'int', value: 31n });
    assert.deepEqual((expr('1_000.5') as { value: unknown }).value, { type: 'float', value: 1000.5 });
    assert.deepEqual((expr('3.') as { value: unknown }).value, { type: 'float', value: 3 });
    assert.deepEqual((expr('2j') as { value: unknown }).value, { type: 'imag', value: 2 });
    assert.deepEqual((expr("'a\\tb'") as { value: unknown }).value, { type: 'str', value: 'a\tb' });
    assert.deepEqual((expr("r'a\\tb'") as { value: unknown }).value, { type: 'str', value: 'a\\tb' });
    assert.deepEqual((expr("'a' 'b'") as { value: unknown }).value, { type: 'str', value: 'ab' });
  });

  it('chains comparisons into one Compare node', () => {
    const e = expr('a < b <= c is not d');
    assert.equal(e.kind, 'Compare');
    if (e.kind === 'Compare') assert.deepEqual(e.ops, ['<', '<=', 'is not']);
    const p = expr('(a < b) < c');
    if (p.kind === 'Compare') assert.deepEqual(p.ops, ['<']);
  });

  it('f-strings keep text, fields, conversions and nested specs', () => {
    const e = expr('f"x={x!r:>{w}} {{lit}}"');
    assert.equal(e.kind, 'FString');
    if (e.kind !== 'FString') return;
    assert.equal(e.parts[0], 'x=');
    const field = e.parts[1];
    assert.ok(typeof field !== 'string');
    assert.equal(field.conversion, 'r');
    assert.equal(field.spec?.[0], '>');
    assert.equal(e.parts[2], ' {lit}');
  });

  it('def parameters: defaults, *args, keyword-only, **kwargs, positional-only', () => {
    const s = only('def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    pass\n');
    assert.equal(s.kind, 'FunctionDef');
    if (s.kind !== 'FunctionDef') return;
    assert.deepEqual(s.params.positional.map((p) => p.name), ['a', 'b', 'c']);
    assert.equal(s.params.positionalOnly, 2);
    assert.equal(s.params.varargs, 'args');
    assert.deepEqual(s.params.kwonly.map((p) => [p.name, p.default !== null]), [['d', false], ['e', true]]);
    assert.equal(s.params.varkw, 'kw');
    assert.deepEqual(s.span, { from: 0, to: 52 });
  });

  it('subscripts with slices and tuples; starred targets', () => {
    const e = expr('x[1:2, ::3, ...]');
    assert.equal(e.kind, 'Subscript');
    if (e.kind === 'Subscript') {
      assert.equal(e.index.kind, 'Tuple');
      if (e.index.kind === 'Tuple') assert.deepEqual(e.index.elts.map((x) => x.kind), ['Slice', 'Slice', 'Constant']);
    }
    const s = only('a, *b = c');
    assert.equal(s.kind, 'Assign');
    if (s.kind === 'Assign' && s.targets[0].kind === 'Tuple') assert.equal(s.targets[0].elts[1].kind, 'Starred');
  });

  it('decorators, imports, try, augmented assignment', () => {
    const d = only('@jax.jit\n@deco(1)\ndef f(x):\n    return x\n');
    assert.equal(d.kind, 'FunctionDef');
    if (d.kind === 'FunctionDef') assert.deepEqual(d.decorators.map((x) => x.kind), ['Attribute', 'Call']);
    const i = only('import jax.numpy as jnp, math');
    assert.deepEqual(i.kind === 'Import' && i.names, [{ name: 'jax.numpy', asname: 'jnp' }, { name: 'math', asname: null }]);
    const f = only('from a.b import (c as d, e)');
    assert.deepEqual(f.kind === 'ImportFrom' && [f.module, f.level, f.names], ['a.b', 0, [{ name: 'c', asname: 'd' }, { name: 'e', asname: null }]]);
    const t = only('try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n');
    assert.ok(t.kind === 'Try' && t.handlers.length === 1 && t.handlers[0].name === 'e' && t.orelse.length === 1 && t.finalbody.length === 1);
    const a = only('x[0] **= 2');
    assert.ok(a.kind === 'AugAssign' && a.op === '**' && a.target.kind === 'Subscript');
  });

  it('constructs outside the subset become Unsupported nodes naming them', () => {
    const whats = ['yield 1\n', 'match x:\n    case 1:\n        pass\n', 'async def f():\n    pass\n']
      .map((src) => only(src))
      .map((s) => (s.kind === 'Unsupported' ? s.what : s.kind));
    assert.deepEqual(whats, ['`yield` statements', '`match` statements', '`async` functions']);
    assert.equal(expr('(y := 2)').kind, 'Unsupported');
  });
});

describe('syntax: errors and intact statements', () => {
  function errors(src: string): string[] {
    return parseModule(src).syntaxErrors.map((e) => `${e.message} @${e.range.start.line}:${e.range.start.column}`);
  }

  it('reports Python-like messages at the right place', () => {
    assert.deepEqual(errors('x = (1,\ny = 2\n'), ["'(' was never closed @1:4"]);
    assert.deepEqual(errors('a = [1, 2\n'), ["'[' was never closed @1:4"]);
    assert.deepEqual(errors('def f(x)\n    return x\n'), ["expected ':' @1:8"]);
    assert.deepEqual(errors('if x\n    pass\n'), ["expected ':' @1:4"]);
    assert.deepEqual(errors('print(1))\n'), ["unmatched ')' @1:8"]);
    assert.deepEqual(errors('z = 3 +\n'), ['invalid syntax @1:7']);
  });

  it('runs intact statements and skips broken ones, including what lezer split off a broken line', () => {
    const m = parseModule('a = 1\nz = 3 +\nb = 2\nfor x in y print(x)\nif q\n    print(q)\nc = 3\n');
    assert.deepEqual(m.statements.map((s) => [s.range.start.line, s.intact]), [
      [1, true], [2, false], [3, true], [4, false], [4, false], [5, false], [6, false], [7, true],
    ]);
    const broken = m.statements.filter((s) => !s.intact);
    assert.ok(broken.every((s) => s.syntaxError !== null));
  });

  it('marks expression statements and finds trailing comments', () => {
    const m = parseModule('x = 1  # set\nf(x)  # → 4.0\ng(\n  2)  # -> 5\nh()\n"""docstring"""\n');
    assert.deepEqual(m.statements.map((s) => [s.isExpression, s.trailingComment?.text ?? null]), [
      [false, ' set'], [true, ' → 4.0'], [true, ' -> 5'], [true, null], [false, null],
    ]);
    assert.deepEqual(m.statements[2].range.start.line, 3);
    assert.deepEqual(m.statements[2].range.end.line, 4);
  });
});
