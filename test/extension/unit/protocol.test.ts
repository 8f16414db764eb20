// Messages are validated on receipt: well-formed ones pass, anything else is rejected.

import * as assert from 'node:assert/strict';
import { isHostToWorker, isWorkerToHost, PROTOCOL_VERSION } from '../../../src/protocol/messages';
import { guessRunningStatement } from '../../../src/extension/runningStatement';

const pos = (line: number, column: number, offset: number) => ({ line, column, offset });
const range = { start: pos(1, 0, 0), end: pos(1, 3, 3) };
const report = { version: 1, file: 'a.py', values: [], annotations: [], functions: [], diagnostics: [], output: [], log: [] };

describe('protocol validation', () => {
  const request = { kind: 'check', id: 1, uri: 'file:///a.py', version: 3, fileName: 'a.py', source: 'x = 1', options: { x64: false, finiteDifferences: true } };

  it('accepts a check request and rejects malformed ones', () => {
    assert.equal(isHostToWorker(request), true);
    assert.equal(isHostToWorker({ ...request, id: '1' }), false);
    assert.equal(isHostToWorker({ ...request, source: undefined }), false);
    assert.equal(isHostToWorker({ ...request, options: { x64: 'yes', finiteDifferences: true } }), false);
    assert.equal(isHostToWorker(null), false);
  });

  it('accepts each worker message kind and rejects malformed ones', () => {
    assert.equal(isWorkerToHost({ kind: 'ready', protocol: PROTOCOL_VERSION }), true);
    assert.equal(isWorkerToHost({ kind: 'ready', protocol: 999 }), false);
    assert.equal(isWorkerToHost({ kind: 'result', id: 1, uri: 'u', version: 1, report, elapsedMs: 1 }), true);
    assert.equal(isWorkerToHost({ kind: 'result', id: 1, uri: 'u', version: 1, report: { ...report, values: null }, elapsedMs: 1 }), false);
    assert.equal(isWorkerToHost({ kind: 'result', id: 1, uri: 'u', version: 1, report: { ...report, diagnostics: [{ message: 'm', code: 'c' }] }, elapsedMs: 1 }), false);
    assert.equal(isWorkerToHost({ kind: 'failed', id: 1, uri: 'u', version: 1, message: 'boom' }), true);
    assert.equal(isWorkerToHost({ kind: 'progress', id: 1, range }), true);
    assert.equal(isWorkerToHost({ kind: 'progress', id: 1, range: { start: pos(1, 0, 0) } }), false);
    assert.equal(isWorkerToHost({ kind: 'log', level: 'info', text: 't' }), true);
    assert.equal(isWorkerToHost({ kind: 'log', level: 'loud', text: 't' }), false);
    assert.equal(isWorkerToHost({ kind: 'other' }), false);
  });
});

describe('guessRunningStatement', () => {
  it('points at the first top-level loop', () => {
    const src = 'import jax\nx = 1\nwhile True:\n    pass\n';
    const r = guessRunningStatement(src);
    assert.deepEqual(r.start, { line: 3, column: 0, offset: 'import jax\nx = 1\n'.length });
    assert.equal(src.slice(r.start.offset, r.end.offset), 'while True:');
  });

  it('falls back to the first top-level statement', () => {
    const src = '# comment\n\nf(1)\n';
    const r = guessRunningStatement(src);
    assert.equal(r.start.line, 3);
    assert.equal(src.slice(r.start.offset, r.end.offset), 'f(1)');
  });
});
