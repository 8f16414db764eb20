// Shared helpers of the control-flow tests: run a snippet with jax, numpy and lax imported.
import * as assert from 'node:assert/strict';
import { pyRepr } from '../../../src/engine/interp/protocol';
import { type RunOutcome, runPython } from '../jax/run';

const PRE = 'import jax\nimport jax.numpy as jnp\nfrom jax import lax\n';

export function run(src: string, x64 = false): RunOutcome {
  return runPython(PRE + src, { x64 });
}

/** The repr of the last expression; fails on an error. */
export function repr(src: string, x64 = false): string {
  const r = run(src, x64);
  if (r.error) assert.fail(`unexpected ${r.error.pyType}: ${r.error.message}`);
  return pyRepr(r.value!);
}

/** The last expression as a JS number (it must be a concrete 0-d array or a Python number). */
export function num(src: string): number {
  const lines = src.trimEnd().split('\n');
  const last = lines.pop()!;
  return Number(repr([...lines, `float(${last})`].join('\n')));
}

/** Asserts the snippet raises `pyType` with exactly `message`. */
export function raises(src: string, pyType: string, message: string): void {
  const r = run(src);
  assert.ok(r.error, 'expected an error');
  assert.equal(r.error.pyType, pyType);
  assert.equal(r.error.message, message);
}
