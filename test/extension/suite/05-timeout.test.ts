// A file that never ends: the check is stopped after gradlens.timeoutMs with a diagnostic on the
// loop, the worker is replaced, and the next check works.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, diagnosticsOf, gradLens, open, setting } from './helpers';

describe('timeout', () => {
  afterEach(closeAll);

  it('stops `while True: pass`, reports it on the loop, and the next check still works', async function () {
    this.timeout(60_000);
    const restore = await setting('timeoutMs', 1000);
    try {
      const { doc, editor } = await open('endless_loop.py');
      const api = await gradLens();
      const workers = api.workersStarted();
      const r = await api.nextResult(doc.uri, doc.version, 20_000);
      assert.equal(r.status, 'timeout');
      const d = diagnosticsOf(doc.uri);
      assert.equal(d.length, 1);
      assert.equal(codeOf(d[0]), 'timeout');
      assert.equal(d[0].message, 'Grad Lens stopped after 1000 ms: does this loop end?');
      assert.equal(d[0].range.start.line, 0, 'on the loop');

      const ok = await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'x = 1\nx + 1\n'));
      assert.ok(ok);
      const next = await api.nextResult(doc.uri, doc.version, 20_000);
      assert.equal(next.status, 'ok');
      assert.equal(next.report.values.find((v) => v.line === 2)?.text, '2');
      assert.deepEqual(diagnosticsOf(doc.uri), []);
      assert.ok(api.workersStarted() > workers, 'a fresh worker served the next check');
    } finally {
      await restore();
    }
  });
});
