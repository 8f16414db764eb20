// The engine client's policies (DESIGN §6, issue #5), against a fake worker speaking the real
// protocol: answers routed by id, timeouts terminate and restart, newer versions supersede older
// ones, out-of-memory and engine errors become diagnostics.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { EngineClient, type CheckInput } from '../../../src/extension/engineClient';

const fakeWorker = path.join(__dirname, 'fakeWorker.js');

function input(source: string, version = 1, uri = 'file:///a.py'): CheckInput {
  return { uri, version, fileName: 'a.py', source, options: { x64: false, finiteDifferences: true } };
}

describe('EngineClient', function () {
  this.timeout(20_000);
  let client: EngineClient;
  const logs: string[] = [];

  afterEach(() => client?.dispose());

  function make(timeoutMs = 2000, extra: { memoryMb?: number; supersedeAfterMs?: number } = {}) {
    client = new EngineClient({ workerPath: fakeWorker, timeoutMs: () => timeoutMs, log: (_l, t) => logs.push(t), ...extra });
    return client;
  }

  it('answers a check with the report for that uri and version', async () => {
    const r = await make().check(input('hello', 7));
    assert.ok(r);
    assert.equal(r.status, 'ok');
    assert.equal(r.version, 7);
    assert.equal(r.uri, 'file:///a.py');
    assert.deepEqual(r.report.output, ['hello']);
  });

  it('stops a run over the time limit with a diagnostic on the running statement, then starts a fresh worker', async () => {
    const c = make(300);
    const started = Date.now();
    const r = await c.check(input('loop'));
    const waited = Date.now() - started;
    assert.ok(r);
    assert.equal(r.status, 'timeout');
    assert.ok(waited >= 290 && waited < 3000, `answered after ${waited} ms`);
    assert.equal(r.report.diagnostics.length, 1);
    const d = r.report.diagnostics[0];
    assert.equal(d.code, 'timeout');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, 'Grad Lens stopped after 300 ms: does this loop end?');
    assert.deepEqual([d.range.start.line, d.range.end.line], [3, 4]); // the fake worker's progress mark
    const next = await c.check(input('after', 2));
    assert.equal(next?.status, 'ok');
    assert.deepEqual(next?.report.output, ['after']);
    assert.equal(c.workersStarted, 2);
  });

  it('answers a waiting request superseded by a newer version with undefined', async () => {
    const c = make();
    const first = c.check(input('slow:300', 1, 'file:///busy.py')); // occupies the worker
    const stale = c.check(input('v2', 2));
    const fresh = c.check(input('v3', 3));
    assert.equal(await stale, undefined);
    assert.deepEqual((await fresh)?.report.output, ['v3']);
    assert.equal((await first)?.status, 'ok');
    assert.equal(c.workersStarted, 1);
  });

  it('terminates a long in-flight run when a newer version of the same document arrives', async () => {
    const c = make(10_000, { supersedeAfterMs: 50 });
    const old = c.check(input('loop', 1));
    await new Promise((r) => setTimeout(r, 400));
    const started = Date.now();
    const fresh = await c.check(input('v2', 2));
    assert.equal(await old, undefined);
    assert.deepEqual(fresh?.report.output, ['v2']);
    assert.ok(Date.now() - started < 5000);
    assert.equal(c.workersStarted, 2);
  });

  it('drops the answer of a short in-flight run that a newer version superseded, without a restart', async () => {
    const c = make(10_000, { supersedeAfterMs: 5_000 });
    const old = c.check(input('slow:200', 1));
    await new Promise((r) => setTimeout(r, 50));
    const fresh = c.check(input('v2', 2));
    assert.equal(await old, undefined);
    assert.deepEqual((await fresh)?.report.output, ['v2']);
    assert.equal(c.workersStarted, 1);
  });

  it('turns running out of memory into a diagnostic and recovers', async () => {
    const c = make(20_000, { memoryMb: 64 });
    const r = await c.check(input('oom'));
    assert.equal(r?.status, 'out-of-memory');
    assert.equal(r?.report.diagnostics[0].code, 'out-of-memory');
    assert.match(r!.report.diagnostics[0].message, /ran out of memory \(64 MB\)/);
    assert.equal((await c.check(input('fine', 2)))?.status, 'ok');
  });

  it('reports an engine exception as an internal error and keeps the worker', async () => {
    const c = make();
    const r = await c.check(input('throw'));
    assert.equal(r?.status, 'internal-error');
    assert.equal(r?.report.diagnostics[0].message, 'Grad Lens internal error: boom');
    assert.ok(logs.some((l) => l.includes('Error: boom')), 'the JS stack goes to the log');
    assert.equal((await c.check(input('fine', 2)))?.status, 'ok');
    assert.equal(c.workersStarted, 1);
  });

  it('serves several documents one after the other', async () => {
    const c = make();
    const answers = await Promise.all(['a', 'b', 'c'].map((n) => c.check(input(n, 1, `file:///${n}.py`))));
    assert.deepEqual(answers.map((a) => a?.report.output[0]), ['a', 'b', 'c']);
  });

  it('answers pending requests with undefined on dispose', async () => {
    const c = make();
    const busy = c.check(input('slow:300', 1, 'file:///x.py'));
    const waiting = c.check(input('w', 1, 'file:///y.py'));
    c.dispose();
    assert.equal(await busy, undefined);
    assert.equal(await waiting, undefined);
    assert.equal(await c.check(input('late')), undefined);
  });
});
