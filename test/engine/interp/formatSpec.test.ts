// Python's format specification language through str.format, f-strings, %-formatting and
// format(): one implementation (numeric/pyformat.ts) for Python objects and 0-d arrays. The
// expected strings are CPython 3.11's. The first ones are ties and exactly representable halves,
// where CPython rounds the exact binary value half to even: the interpreter's old copy of the
// format language used JS's toFixed and printed f"{0.5:.0f}" as '1' (CPython: '0').
import assert from 'node:assert/strict';
import { evalRepr } from './helpers';
import { pyRepr, PyStr } from '../../../src/engine/interp';

const CPYTHON: [string, string][] = [
  ["f\"{0.5:.0f}\"", "0"],
  ["f\"{2.5:.0f}\"", "2"],
  ["f\"{0.125:.2f}\"", "0.12"],
  ["\"%.0f\" % 1.5", "2"],
  ["\"%.1f\" % 0.25", "0.2"],
  ["format(0.375, \".2f\")", "0.38"],
  ["f\"{1e22:.1f}\"", "10000000000000000000000.0"],
  ["f\"{2.675:.2f}\"", "2.67"],
  ["f\"{0.5:.0e}\"", "5e-01"],
  ["f\"{2.5:g}\"", "2.5"],
  ["f\"{1234.5:.4g}\"", "1234"],
  ["f\"{-0.0001:z.2f}\"", "0.00"],
  ["f\"{1234567:,}\"", "1,234,567"],
  ["f\"{1234567.891:_.2f}\"", "1_234_567.89"],
  ["f\"{255:#x}\"", "0xff"],
  ["f\"{255:08b}\"", "11111111"],
  ["\"{:=+8d}\".format(-42)", "-     42"],
  ["'%05d' % -42", "-0042"],
  ["'%-05d|' % -42", "-42  |"],
  ["'%05s' % 'ab'", "   ab"],
  ["'%+05x' % 255", "+00ff"],
  ["'%#08x' % 255", "0x0000ff"],
  ["'%08.3e' % 1234.5", "1.234e+03"],
  ["f\"{3.14159:10.3f}|\"", "     3.142|"],
  ["f\"{0.1:%}\"", "10.000000%"],
  ["f\"{1+2j:.2f}\"", "1.00+2.00j"],
  ["f\"{-1.5j}\"", "(-0-1.5j)"],
  ["format(1+2j, \"\")", "(1+2j)"],
  ["f\"{True:d}\"", "1"],
  ["format(True, \"\")", "True"],
  ["f\"{1e16}\"", "1e+16"],
  ["f\"{1e-5:g}\"", "1e-05"],
  ["f\"{123456789.0:e}\"", "1.234568e+08"],
  ["f\"{0.0:#.0f}\"", "0."],
  ["\"%5.1e\" % 12345.678", "1.2e+04"],
  ["\"%g\" % 1e-10", "1e-10"],
  ["\"%08.3f\" % -3.14159", "-003.142"],
  ["\"{:^9}\".format(\"ab\")", "   ab    "],
  ["\"{:*>6.2}\".format(\"hello\")", "****he"],
  ["f\"{12:c}\"", "\f"],
  ["f\"{1e300*1e300:f}\"", "inf"],
  ["f\"{float('nan'):+.2f}\"", "+nan"],
  ["f\"{-0.0:.1f}\"", "-0.0"],
  ["f\"{100:,.2f}\"", "100.00"],
  ["f\"{0.000123456:.3g}\"", "0.000123"],
  ["f\"{9.9999:.2g}\"", "10"],
];

describe('format specification language (CPython 3.11 outputs)', () => {
  for (const [expr, expected] of CPYTHON) {
    it(expr, () => assert.equal(evalRepr(expr), pyRepr(new PyStr(expected))));
  }
});
