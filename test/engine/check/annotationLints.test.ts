import assert from 'node:assert/strict';
import { fixesForError } from '../../../src/engine/check/errorFixes';
import { lint } from '../../../src/engine/check/lints';
import { runAnnotation } from '../../../src/engine/check/evaluate';
import { findAnnotations } from '../../../src/engine/check/annotations';
import { applyFix, parse, preferred } from './helpers';
import { run } from './engine';

const HEADER = 'import jax\nimport jax.numpy as jnp\n';

describe('check/annotation lints and fixes', () => {
  it('an integer argument in the comment: 2 → 2.0 inside the comment', () => {
    const src = HEADER + '# @grad w=2, x=jnp.array([1.0, 3.0])\ndef f(w, x):\n    return jnp.sum(w * x)\n';
    const ds = lint(parse(src));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['integer-input', 3]]);
    assert.match(applyFix(src, preferred(ds[0].fixes)), /^# @grad w=2\.0, x=jnp\.array\(\[1\.0, 3\.0\]\)$/m);
  });

  it('argnums out of range in the options', () => {
    const src = HEADER + '# @grad(argnums=2) 1.0, 2.0\ndef f(a, b):\n    return a * b\n';
    const [d] = lint(parse(src));
    assert.equal(d.code, 'argnums-out-of-range');
    assert.match(applyFix(src, preferred(d.fixes)), /# @grad\(argnums=1\) 1\.0, 2\.0/);
  });

  it('a visibly non-scalar output, fixed in the function body', () => {
    const src = HEADER + '# @grad w=1.0, x=jnp.array([1.0, 2.0])\ndef f(w, x):\n    return w * x\n';
    const [d] = lint(parse(src));
    assert.equal(d.code, 'non-scalar-output');
    assert.match(applyFix(src, preferred(d.fixes)), /return jnp\.sum\(w \* x\)/);
  });

  it('the runtime error of an annotation gets the same fix, and the fixed annotation evaluates', () => {
    const src = HEADER + 'x0 = jnp.array([1.0, 2.0])\n# @grad w=1.0, x=x0\ndef f(w, x):\n    return w * x\n';
    const ran = run(src);
    const [a] = findAnnotations(ran.parsed).annotations;
    const { diagnostics } = runAnnotation(ran.interp, a, { modules: ran.modules, parsed: ran.parsed });
    assert.equal(diagnostics[0].code, 'non-scalar-output');
    const fixed = applyFix(src, preferred(fixesForError(diagnostics[0], ran.parsed)));
    const again = run(fixed);
    const [b] = findAnnotations(again.parsed).annotations;
    const r = runAnnotation(again.interp, b, { modules: again.modules, parsed: again.parsed });
    assert.deepEqual(r.diagnostics, []);
    // d/dw sum(w x) = sum x = 3
    assert.equal((r.report.result as { value: number }).value, 3);
  });
});
