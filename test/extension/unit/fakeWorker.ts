// A stand-in for dist/worker.js that speaks the real protocol, so the engine client's policies
// (timeouts, supersession, memory, engine errors) are tested without depending on the engine.
// The request's source selects the behaviour.

import { parentPort } from 'node:worker_threads';
import { isHostToWorker, PROTOCOL_VERSION, type WorkerToHost } from '../../../src/protocol/messages';

const post = (m: WorkerToHost) => parentPort!.postMessage(m);
const emptyReport = (file: string, output: string[]) => ({
  version: 1 as const, file, values: [], annotations: [], functions: [], diagnostics: [], output, log: [],
});
const at = (line: number, col: number, offset: number) => ({ line, column: col, offset });

parentPort!.on('message', (raw: unknown) => {
  if (!isHostToWorker(raw)) return;
  const base = { id: raw.id, uri: raw.uri, version: raw.version };
  const source = raw.source;
  if (source.startsWith('loop')) {
    post({ kind: 'progress', id: raw.id, range: { start: at(3, 0, 20), end: at(4, 8, 40) } });
    for (;;) { /* never ends: the client must terminate this thread */ }
  }
  if (source === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));
  }
  if (source === 'throw') {
    post({ kind: 'failed', ...base, message: 'boom', stack: 'Error: boom\n    at fake' });
    return;
  }
  const slow = /^slow:(\d+)/.exec(source);
  if (slow) {
    const until = Date.now() + Number(slow[1]);
    while (Date.now() < until) { /* busy, like a synchronous engine run */ }
  }
  post({ kind: 'result', ...base, report: emptyReport(raw.fileName, [source]), elapsedMs: 0 });
});

post({ kind: 'ready', protocol: PROTOCOL_VERSION });
