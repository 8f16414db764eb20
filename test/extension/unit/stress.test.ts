// Stress of the engine client driving the real bundled worker (dist/worker.js, the real engine),
// issue #7 "Worker robustness": hundreds of rapid edits with overlapping versions, on one document
// and on several at once, endless loops mixed in, and a thousand checks for memory.
//
// Oracles: the client's contract (DESIGN §6 and src/extension/README.md: only the latest version
// of a document is delivered, a superseded or timed-out run restarts the worker, nothing else
// does) and Python's/JAX's own values for the generated programs (`x + 1` on an int; the gradient
// of sum(w*w)*k at ones(2) is 2k per element, printed as a float32 array).
//
// The edit sequence comes from a fixed seed. `GRADLENS_STRESS_COUNT` sets the number of edits per
// run (default 300) and raises the memory run above its 1,000 checks when larger, e.g.
//   GRADLENS_STRESS_COUNT=5000 npx mocha --no-config --timeout 0 out/test/extension/unit/stress.test.js

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient, type CheckResponse } from '../../../src/extension/engineClient';
import { uniforms } from '../../../src/engine/check/random';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const workerPath = path.join(root, 'dist', 'worker.js');
const EDITS = Number(process.env.GRADLENS_STRESS_COUNT ?? 300);
const CHECKS = Math.max(1000, EDITS);
const options = { x64: false, finiteDifferences: true };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Random = () => number;

/** mulberry32 (shared with the finite-difference check), so a failing edit sequence can be replayed. */
const seededRandom = (seed: number): Random => uniforms(seed);

type Kind = 'value' | 'grad' | 'syntax' | 'loop';

/** A program whose answer tells which version it came from. */
function program(kind: Kind, v: number): string {
  switch (kind) {
    case 'value':
      return `x = ${v}\nx + 1\n`;
    case 'grad':
      return `import jax\nimport jax.numpy as jnp\n\ndef f(w):\n    return jnp.sum(w * w) * ${v}.0\n\njax.grad(f)(jnp.ones(2))\n`;
    case 'syntax':
      return `x = (${v}\n`;
    case 'loop':
      return `x = ${v}\nwhile True:\n    pass\n`;
  }
}

/** Checks that an answer is the one its version's program must give. */
function assertAnswerFits(r: CheckResponse, kind: Kind, v: number): void {
  const where = `${r.uri} v${v} (${kind})`;
  const last = r.report.values.at(-1)?.text;
  switch (kind) {
    case 'value':
      assert.equal(r.status, 'ok', where);
      assert.equal(last, String(v + 1), where);
      return;
    case 'grad':
      assert.equal(r.status, 'ok', where);
      assert.equal(last, `[${2 * v}. ${2 * v}.]`, where);
      return;
    case 'syntax':
      assert.equal(r.status, 'ok', where);
      assert.ok(r.report.diagnostics.some((d) => d.severity === 'error'), `${where}: no error for an unclosed bracket`);
      return;
    case 'loop':
      assert.equal(r.status, 'timeout', where);
      return;
  }
}

/**
 * A worker script that runs the real one and, before every 100th answer, collects garbage and
 * logs the isolate's live heap (`process.memoryUsage()` in a worker thread reports its own heap).
 */
function heapReportingWorker(realWorker: string): string {
  return `const { parentPort } = require('node:worker_threads');
require('node:v8').setFlagsFromString('--expose-gc');
const gc = require('node:vm').runInNewContext('gc');
const post = parentPort.postMessage.bind(parentPort);
let answers = 0;
parentPort.postMessage = (m) => {
  if ((m.kind === 'result' || m.kind === 'failed') && ++answers % 100 === 0) {
    gc();
    post({ kind: 'log', level: 'info', text: 'heap after gc: ' + process.memoryUsage().heapUsed });
  }
  post(m); // after the heap line, so the line is in before the answer
};
require(${JSON.stringify(realWorker)});
`;
}

function pickKind(rand: Random): Kind {
  const x = rand();
  return x < 0.04 ? 'loop' : x < 0.14 ? 'syntax' : x < 0.5 ? 'grad' : 'value';
}

interface Edit {
  uri: string;
  version: number;
  kind: Kind;
}

interface Stop {
  file: string;
  version: number;
  why: 'superseded' | 'timeout';
}

/** Restarts the client logged, by the version they stopped (a superseded run or a timeout). */
function stoppedVersions(logs: string[]): Stop[] {
  return logs.flatMap((t): Stop[] => {
    const superseded = /^stopping the check of (\S+) v(\d+): superseded$/.exec(t);
    if (superseded) return [{ file: superseded[1], version: Number(superseded[2]), why: 'superseded' }];
    const timeout = /^stopped (\S+) v(\d+) after \d+ ms/.exec(t);
    return timeout ? [{ file: timeout[1], version: Number(timeout[2]), why: 'timeout' }] : [];
  });
}

describe('the engine client under stress (real worker)', function () {
  this.timeout(120_000);
  let client: EngineClient;
  let logs: string[];
  afterEach(() => client?.dispose());

  before(() => assert.ok(fs.existsSync(workerPath), 'dist/worker.js is missing: run `npm run build` first'));

  function make(timeoutMs: number, extra: { memoryMb?: number; supersedeAfterMs?: number; workerPath?: string } = {}): EngineClient {
    logs = [];
    client = new EngineClient({ workerPath, timeoutMs: () => timeoutMs, log: (_l, t) => logs.push(t), ...extra });
    return client;
  }

  /** The first run of a worker compiles the engine; later timings are about the code checked. */
  async function warmUp(c: EngineClient): Promise<void> {
    const r = await c.check({ uri: 'file:///warm.py', version: 1, fileName: 'warm.py', source: program('grad', 1), options });
    assert.equal(r?.status, 'ok');
  }

  /**
   * Types `EDITS` random versions into `docs`, mostly a few milliseconds apart, sometimes pausing
   * until the latest answer is in (as a user stops typing), and checks every delivered answer.
   */
  async function typeEdits(c: EngineClient, docs: string[], seed: number): Promise<Map<string, number>> {
    const rand = seededRandom(seed);
    const latest = new Map<string, number>();
    const kinds = new Map<string, Kind>();
    const delivered = new Map<string, number[]>();
    const pending: Promise<void>[] = [];
    let superseded = 0;
    let timeouts = 0;
    let loops = 0;
    const submit = (e: Edit) => {
      latest.set(e.uri, e.version);
      kinds.set(`${e.uri} v${e.version}`, e.kind);
      const fileName = e.uri.slice('file:///'.length);
      const answer = c.check({ uri: e.uri, version: e.version, fileName, source: program(e.kind, e.version), options });
      const done = answer.then((r) => {
        if (!r) return void superseded++;
        // Only the latest version is ever delivered, in increasing order, with its own answer.
        assert.equal(r.version, latest.get(e.uri), `${e.uri}: v${r.version} delivered after v${latest.get(e.uri)} was sent`);
        assert.equal(r.uri, e.uri);
        const seen = delivered.get(e.uri) ?? [];
        assert.ok(seen.every((s) => s < r.version), `${e.uri}: v${r.version} delivered after ${seen}`);
        delivered.set(e.uri, [...seen, r.version]);
        assertAnswerFits(r, e.kind, e.version);
        if (r.status === 'timeout') timeouts++;
      });
      pending.push(done);
      return done;
    };
    for (let i = 1; i <= EDITS; i++) {
      const uri = docs[Math.floor(rand() * docs.length)];
      const kind = pickKind(rand);
      const done = submit({ uri, version: (latest.get(uri) ?? 0) + 1, kind });
      if (kind === 'loop') loops++;
      const pause = rand();
      // The user stops typing now and then, and on every third loop, which must then time out.
      if (pause < 0.03 || (kind === 'loop' && loops % 3 === 0)) await done;
      else if (pause < 0.5) await sleep(Math.floor(rand() * 8));
    }
    // Every document ends on a good version, which must be delivered.
    for (const uri of docs) submit({ uri, version: (latest.get(uri) ?? 0) + 1, kind: 'value' });
    await Promise.all(pending);
    for (const uri of docs) assert.equal(delivered.get(uri)?.at(-1), latest.get(uri), `${uri}: the last version was not delivered`);
    assert.ok(superseded > EDITS / 4, `only ${superseded} of ${EDITS} edits were superseded: the edits did not overlap`);

    // Every restart has a logged reason; only endless loops run into the timeout. (A superseded
    // program of another kind may legitimately be stopped too, if a loaded machine made it run
    // longer than `supersedeAfterMs`, so that count is only reported.)
    const stops = stoppedVersions(logs);
    assert.equal(c.workersStarted, 1 + stops.length, logs.join('\n'));
    const kindOf = (s: Stop) => kinds.get(`file:///${s.file} v${s.version}`);
    for (const s of stops.filter((s) => s.why === 'timeout')) assert.equal(kindOf(s), 'loop', `${s.file} v${s.version} timed out`);
    const slowStops = stops.filter((s) => kindOf(s) !== 'loop').length;
    assert.ok(!logs.some((t) => t.startsWith('the engine worker stopped')), logs.join('\n'));
    assert.ok(stops.length > 0 && timeouts > 0, 'no endless loop was stopped or timed out: the mix has no loops in flight');
    if (process.env.GRADLENS_STRESS_VERBOSE) console.log({ edits: EDITS, superseded, delivered: [...delivered.values()].flat().length, restarts: stops.length, slowStops, timeouts });
    return latest;
  }

  it('delivers only the latest version of one document across hundreds of overlapping edits', async () => {
    const c = make(1500, { supersedeAfterMs: 300 });
    await warmUp(c);
    await typeEdits(c, ['file:///one.py'], 7);
  });

  it('delivers only the latest version of each of several documents edited at once', async () => {
    const c = make(1500, { supersedeAfterMs: 300 });
    await warmUp(c);
    await typeEdits(c, ['file:///a.py', 'file:///b.py', 'file:///c.py', 'file:///d.py'], 11);
  });

  it('restarts the worker after each timeout and serves the next check', async () => {
    const c = make(400);
    const rounds = 5;
    for (let i = 1; i <= rounds; i++) {
      // Another document waits behind the loop: it is served by the restarted worker.
      const loop = c.check({ uri: 'file:///loop.py', version: i, fileName: 'loop.py', source: program('loop', i), options });
      const behind = c.check({ uri: 'file:///next.py', version: i, fileName: 'next.py', source: program('value', i), options });
      const timedOut = await loop;
      assert.ok(timedOut);
      assertAnswerFits(timedOut, 'loop', i);
      assert.equal(timedOut.report.diagnostics[0].message, 'Grad Lens stopped after 400 ms: does this loop end?');
      assert.equal(timedOut.report.diagnostics[0].range.start.line, 2); // the `while` statement
      const next = await behind;
      assert.ok(next);
      assertAnswerFits(next, 'value', i);
    }
    assert.equal(c.workersStarted, 1 + rounds);
  });

  // Memory, measured three ways without a protocol change (the worker reports no memory):
  // - the real worker runs inside a wrapper thread script that, before every 100th answer, forces a
  //   garbage collection and posts the worker isolate's `heapUsed` as an ordinary `log` message;
  //   the live heap may grow by at most 8 MB from answer 100 to the last (it is about 8 MB in all);
  // - the worker's V8 heap is capped low (`memoryMb`), so a runaway leak ends in
  //   ERR_WORKER_OUT_OF_MEMORY, seen as an 'out-of-memory' answer and a second worker;
  // - the main process's `rss` (which includes the worker thread and its typed arrays, stored
  //   outside the V8 heap) may grow by at most a generous 150 MB from check 100 to the last.
  it(`keeps memory bounded across ${CHECKS} checks`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlens-stress-'));
    try {
      const wrapper = path.join(dir, 'worker.js');
      fs.writeFileSync(wrapper, heapReportingWorker(workerPath));
      const c = make(10_000, { memoryMb: 96, workerPath: wrapper });
      const rand = seededRandom(23);
      const kinds: Kind[] = ['value', 'grad', 'syntax'];
      let rssAfterWarmUp = 0;
      for (let i = 1; i <= CHECKS; i++) {
        const kind = kinds[Math.floor(rand() * kinds.length)];
        const uri = `file:///mem${i % 4}.py`;
        const r = await c.check({ uri, version: i, fileName: 'mem.py', source: program(kind, i), options });
        assert.ok(r, `check ${i} was not answered`);
        assertAnswerFits(r, kind, i);
        if (i === 100) rssAfterWarmUp = process.memoryUsage().rss;
      }
      const rssGrowthMb = (process.memoryUsage().rss - rssAfterWarmUp) / 2 ** 20;
      const heapMb = logs.flatMap((t) => /^heap after gc: (\d+)$/.exec(t)?.[1] ?? []).map((b) => Number(b) / 2 ** 20);
      assert.equal(heapMb.length, Math.floor(CHECKS / 100), logs.join('\n'));
      const heapGrowthMb = heapMb[heapMb.length - 1] - heapMb[0];
      assert.equal(c.workersStarted, 1, logs.join('\n'));
      assert.ok(heapGrowthMb < 8, `the worker's live heap grew by ${heapGrowthMb.toFixed(1)} MB: ${heapMb.map((h) => h.toFixed(1))}`);
      assert.ok(rssGrowthMb < 150, `rss grew by ${rssGrowthMb.toFixed(0)} MB over ${CHECKS - 100} checks`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Regression: an edit in the first milliseconds of an endless loop marked the run superseded but
  // only a *later* edit could stop it, so after a pause in typing the next version waited for the
  // full timeout (10 s here) instead of `supersedeAfterMs`.
  it('stops a superseded endless loop at supersedeAfterMs even when the superseding edit came early', async () => {
    const c = make(10_000, { supersedeAfterMs: 150 });
    await warmUp(c);
    const base = { uri: 'file:///typing.py', fileName: 'typing.py', options };
    const loop = c.check({ ...base, version: 1, source: program('loop', 1) });
    await sleep(20);
    const started = performance.now();
    const fresh = await c.check({ ...base, version: 2, source: program('value', 2) });
    const waited = performance.now() - started;
    assert.equal(await loop, undefined);
    assert.ok(fresh);
    assertAnswerFits(fresh, 'value', 2);
    assert.ok(waited < 3000, `the newer version waited ${waited.toFixed(0)} ms`);
    assert.equal(c.workersStarted, 2);
  });

  // Regression, same cause: closing a document only ignored its running answer, so its endless
  // loop held every other document until the timeout.
  it("stops a closed document's endless loop instead of making the other documents wait for the timeout", async () => {
    const c = make(10_000, { supersedeAfterMs: 150 });
    await warmUp(c);
    const loop = c.check({ uri: 'file:///closed.py', version: 1, fileName: 'closed.py', source: program('loop', 1), options });
    await sleep(20);
    c.cancel('file:///closed.py');
    const started = performance.now();
    const other = await c.check({ uri: 'file:///open.py', version: 1, fileName: 'open.py', source: program('value', 1), options });
    const waited = performance.now() - started;
    assert.equal(await loop, undefined);
    assert.ok(other);
    assertAnswerFits(other, 'value', 1);
    assert.ok(waited < 3000, `the other document waited ${waited.toFixed(0)} ms`);
  });
});

// Regression: a worker that died before posting `ready` was restarted at once, and again, in a loop
// that burned a thread start after another and never answered the waiting checks.
describe('the engine client with a worker that cannot start', function () {
  this.timeout(20_000);
  let client: EngineClient | undefined;
  let broken: string;
  before(() => {
    broken = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlens-stress-'));
    fs.writeFileSync(path.join(broken, 'worker.js'), 'throw new Error("the engine failed to load");\n');
  });
  after(() => fs.rmSync(broken, { recursive: true, force: true }));
  afterEach(() => client?.dispose());

  it('answers the waiting checks with the start error instead of restarting in a loop', async () => {
    const c = (client = new EngineClient({ workerPath: path.join(broken, 'worker.js'), timeoutMs: () => 1000 }));
    const ask = (uri: string) => c.check({ uri, version: 1, fileName: 'a.py', source: program('value', 1), options });
    const answers = await Promise.all([ask('file:///a.py'), ask('file:///b.py')]);
    for (const r of answers) {
      assert.equal(r?.status, 'internal-error');
      assert.equal(r?.report.diagnostics[0].message, 'Grad Lens internal error: the engine did not start: the engine failed to load');
    }
    await sleep(300);
    assert.equal(c.workersStarted, 1, 'restarted without a request');
    // The next check tries a new worker (which fails the same way here).
    assert.equal((await ask('file:///a.py'))?.status, 'internal-error');
    assert.equal(c.workersStarted, 2);
  });
});

// Regression: an answer that failed the protocol's validation was only logged, so the request
// waited for the timeout and the user's code got "does this loop end?" for an engine bug.
describe('the engine client with a worker that answers a malformed report', function () {
  this.timeout(20_000);
  let client: EngineClient | undefined;
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlens-stress-'));
    fs.writeFileSync(
      path.join(dir, 'worker.js'),
      [
        "const { parentPort } = require('node:worker_threads');",
        "parentPort.on('message', (m) => parentPort.postMessage({ kind: 'result', id: m.id, uri: m.uri, version: m.version, report: { version: 1 }, elapsedMs: 0 }));",
        "parentPort.postMessage({ kind: 'ready', protocol: 1 });",
      ].join('\n'),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => client?.dispose());

  it('answers it at once as an internal error, not as a timeout on the user code', async () => {
    const c = (client = new EngineClient({ workerPath: path.join(dir, 'worker.js'), timeoutMs: () => 10_000 }));
    const started = performance.now();
    const r = await c.check({ uri: 'file:///a.py', version: 1, fileName: 'a.py', source: program('value', 1), options });
    assert.equal(r?.status, 'internal-error');
    assert.equal(r?.report.diagnostics[0].message, 'Grad Lens internal error: the engine sent a malformed answer');
    assert.ok(performance.now() - started < 5000, 'waited for the timeout');
    assert.equal(c.workersStarted, 1);
  });
});
