// Runs an exercise's tests in an engine worker (dist/worker.js), never on the extension host.
//
// Exercise runs get a worker of their own, started on the first "Run tests", so a test run never
// waits behind (or supersedes) the live checks of open files. One run at a time: a new run while
// one is in flight waits for it. A run that exceeds the time limit terminates the worker and is
// answered as a timeout; the next run starts a fresh worker.
//
// No `vscode` import: plain Node tests can drive it.

import { Worker } from 'node:worker_threads';
import type { RunResult } from '../../exercises/runner';
import { isExerciseReply, type RunExerciseRequest } from '../../protocol/exercise';
import { isWorkerToHost } from '../../protocol/messages';

export type ExerciseRunResponse =
  | { status: 'ok'; result: RunResult; elapsedMs: number }
  | { status: 'timeout' | 'failed'; message: string };

export interface ExerciseClientOptions {
  workerPath: string;
  timeoutMs: () => number;
  log?: (level: 'info' | 'warn' | 'error', text: string) => void;
}

interface Pending {
  id: number;
  resolve: (r: ExerciseRunResponse) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ExerciseClient {
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private disposed = false;

  constructor(private readonly opts: ExerciseClientOptions) {}

  run(exerciseId: string, source: string): Promise<ExerciseRunResponse> {
    const next = this.queue.then(() => this.runNow(exerciseId, source));
    this.queue = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.disposed = true;
    this.settle({ status: 'failed', message: 'Grad Lens is shutting down' });
    this.stop();
  }

  private async runNow(exerciseId: string, source: string): Promise<ExerciseRunResponse> {
    if (this.disposed) return { status: 'failed', message: 'Grad Lens is shutting down' };
    let worker: Worker;
    try {
      worker = await this.start();
    } catch (e) {
      return { status: 'failed', message: `the engine worker did not start: ${String(e)}` };
    }
    const request: RunExerciseRequest = { kind: 'runExercise', id: this.nextId++, exerciseId, source };
    const limit = this.opts.timeoutMs();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.opts.log?.('warn', `exercise ${exerciseId}: stopped the test run after ${limit} ms`);
        this.settle({ status: 'timeout', message: `The tests did not finish within ${limit} ms: does a loop in your file end?` });
        this.stop();
      }, limit);
      this.pending = { id: request.id, resolve, timer };
      worker.postMessage(request);
    });
  }

  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.opts.workerPath, { resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 16 } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (raw: unknown) => {
        if (this.worker !== worker) return;
        if (isExerciseReply(raw)) {
          if (this.pending?.id !== raw.id) return;
          this.settle(raw.kind === 'exerciseResult'
            ? { status: 'ok', result: raw.result, elapsedMs: raw.elapsedMs }
            : { status: 'failed', message: raw.message });
        } else if (isWorkerToHost(raw)) {
          if (raw.kind === 'ready') resolve(worker);
          else if (raw.kind === 'log') this.opts.log?.(raw.level, raw.text);
        } else {
          this.opts.log?.('error', `exercise worker: ignored a malformed message: ${JSON.stringify(raw)?.slice(0, 200)}`);
        }
      });
      const died = (reason: string) => {
        if (this.worker !== worker) return;
        this.opts.log?.('error', `the exercise worker stopped: ${reason}`);
        this.worker = undefined;
        this.ready = undefined;
        reject(new Error(reason));
        this.settle({ status: 'failed', message: `the engine worker stopped: ${reason}` });
      };
      worker.on('error', (err) => died(err.message));
      worker.on('exit', (code) => died(`exit code ${code}`));
    });
    return this.ready;
  }

  private settle(response: ExerciseRunResponse): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.resolve(response);
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) void worker.terminate();
  }
}
