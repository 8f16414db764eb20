// The pre-check lens placement scan, on the example files' shapes (their defs, annotations and
// transform uses are visible in the text).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanFunctions } from '../../../src/extension/lensSites';

const examples = path.resolve(__dirname, '..', '..', '..', '..', 'examples');

describe('scanFunctions', () => {
  it('finds the annotated function of the worked example', () => {
    const fns = scanFunctions(fs.readFileSync(path.join(examples, 'worked_example.py'), 'utf8'));
    assert.deepEqual(fns.map((f) => [f.name, f.line, f.annotationLine, f.transformed, f.params]), [['f', 10, 9, true, ['w', 'x']]]);
  });

  it('marks functions passed to a transform, and decorated ones', () => {
    const src = 'import jax\n\n@jax.jit\ndef g(a, b=2, *args):\n    return a\n\ndef h(x):\n    return x\n\ndef k(v: float):\n    return v\n\njax.grad(k)(1.0)\n';
    const fns = scanFunctions(src);
    assert.deepEqual(fns.map((f) => [f.name, f.transformed, f.range.start.line, f.params]), [
      ['g', true, 3, ['a', 'b', '*args']],
      ['h', false, 7, ['x']],
      ['k', true, 10, ['v']],
    ]);
  });
});
