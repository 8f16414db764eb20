import * as assert from 'node:assert/strict';
import * as lax from '../../../src/engine/autodiff/lax';
import { close, grad, scalar, weak } from './helpers';

describe('autodiff smoke', () => {
  it('d/dx sin = cos', () => {
    close(scalar(grad(lax.sin)(weak(0.5))), Math.cos(0.5));
  });
  it('grad x**2 at 3 is weak float32 6', () => {
    const g = grad((x) => lax.integerPow(x, 2))(weak(3));
    close(scalar(g), 6);
    assert.equal((g as { weakType: boolean }).weakType, true);
  });
});
