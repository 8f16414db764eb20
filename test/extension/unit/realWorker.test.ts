// The bundled worker (dist/worker.js, built by `npm run build`) running the real engine, driven by
// the engine client outside VS Code: the worked example's values (DESIGN §1) and an endless loop
// stopped by the wall clock rather than the step budget.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineClient } from '../../../src/extension/engineClient';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const workerPath = path.join(root, 'dist', 'worker.js');
const example = (name: string) => fs.readFileSync(path.join(root, 'examples', name), 'utf8');

describe('the bundled engine worker', function () {
  this.timeout(30_000);
  let client: EngineClient;
  afterEach(() => client?.dispose());

  before(() => assert.ok(fs.existsSync(workerPath), 'dist/worker.js is missing: run `npm run build` first'));

  it('checks the worked example', async () => {
    client = new EngineClient({ workerPath, timeoutMs: () => 10_000 });
    const r = await client.check({
      uri: 'file:///worked_example.py', version: 1, fileName: 'worked_example.py', source: example('worked_example.py'),
      options: { x64: false, finiteDifferences: true },
    });
    assert.equal(r?.status, 'ok', JSON.stringify(r?.report.diagnostics));
    const text = (line: number) => r!.report.values.find((v) => v.line === line)?.text;
    assert.equal(text(16), '8.0');
    assert.equal(text(17), '4.0');
    assert.equal(text(18), '[2. 2.]');
    assert.ok(r!.report.values.every((v) => v.expected?.ok === true));
  });

  it('stops `while True: pass` after the time limit, then serves the next check', async () => {
    client = new EngineClient({ workerPath, timeoutMs: () => 500 });
    const base = { uri: 'file:///loop.py', fileName: 'loop.py', options: { x64: false, finiteDifferences: true } };
    const r = await client.check({ ...base, version: 1, source: 'x = 1\nwhile True:\n    pass\n' });
    assert.equal(r?.status, 'timeout');
    assert.equal(r?.report.diagnostics[0].message, 'Grad Lens stopped after 500 ms: does this loop end?');
    assert.equal(r?.report.diagnostics[0].range.start.line, 2);
    const next = await client.check({ ...base, version: 2, source: 'x = 1\nx + 1\n' });
    assert.equal(next?.status, 'ok');
    assert.equal(next?.report.values[0].text, '2');
  });
});
