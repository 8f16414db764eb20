// Owns the engine worker: queues check requests, keeps one per document, enforces the wall-clock
// limit and the memory cap, and restarts the worker when it had to be stopped.
//
// Policy, in the words of DESIGN §6:
// - One worker thread serves every document, one request at a time (the engine is synchronous).
// - At most one waiting request per document: a newer version replaces the waiting one, whose
//   caller gets `undefined`. A newer version also supersedes the request in flight: its answer is
//   dropped, and once it has run `supersedeAfterMs` (at once if it already has) the worker is
//   terminated rather than left to finish work nobody wants. Closing a document does the same.
// - A request running longer than `timeoutMs()` terminates the worker and is answered with a
//   timeout diagnostic on the statement the worker last said it was running; the next request
//   starts a fresh worker.
// - Running out of memory (the worker's `resourceLimits`) or the worker dying is a diagnostic on
//   the file, never an exception in the extension host.
//
// This module does not import `vscode`, so plain Node tests can drive it with a fake worker.

import { Worker } from 'node:worker_threads';
import type { Diagnostic, Range, Report } from '../engine/report';
import {
  isWorkerToHost,
  type CheckRequest,
  type CheckRequestOptions,
  type WorkerToHost,
} from '../protocol/messages';
import { guessRunningStatement } from './runningStatement';

export interface EngineClientOptions {
  /** The bundled worker script (dist/worker.js). */
  workerPath: string;
  /** Read on every request so a settings change applies to the next check. */
  timeoutMs: () => number;
  /** The worker's V8 old-generation heap cap. */
  memoryMb?: number;
  /** An in-flight request nobody wants any more (newer version, closed document) is stopped after running this long. */
  supersedeAfterMs?: number;
  log?: (level: 'info' | 'warn' | 'error', text: string) => void;
}

export interface CheckInput {
  uri: string;
  version: number;
  fileName: string;
  source: string;
  options: CheckRequestOptions;
}

export type CheckStatus = 'ok' | 'timeout' | 'out-of-memory' | 'internal-error';

export interface CheckResponse {
  status: CheckStatus;
  uri: string;
  version: number;
  /** The engine's report, or for any other status a report holding the one diagnostic. */
  report: Report;
  /** Wall-clock time from posting the request to the answer. */
  elapsedMs: number;
}

interface Job {
  request: CheckRequest;
  resolve: (r: CheckResponse | undefined) => void;
  postedAt: number;
  progress?: Range;
  superseded: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** Stops the worker when a superseded job is still running `supersedeAfterMs` after it was posted. */
  abandonTimer?: ReturnType<typeof setTimeout>;
}

interface WorkerSlot {
  worker: Worker;
  ready: boolean;
}

export class EngineClient {
  private slot: WorkerSlot | undefined;
  private readonly waiting = new Map<string, Job>();
  private inFlight: Job | undefined;
  private nextId = 1;
  private disposed = false;
  /** Workers started so far (tests and the log use it). */
  workersStarted = 0;

  constructor(private readonly opts: EngineClientOptions) {}

  /** Resolves with the answer, or `undefined` when a newer version of the document superseded it. */
  check(input: CheckInput): Promise<CheckResponse | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const request: CheckRequest = { kind: 'check', id: this.nextId++, ...input };
      this.waiting.get(input.uri)?.resolve(undefined);
      this.waiting.delete(input.uri); // re-insert at the back of the queue
      this.waiting.set(input.uri, { request, resolve, postedAt: 0, superseded: false });
      if (this.inFlight?.request.uri === input.uri) this.abandon(this.inFlight);
      this.pump();
    });
  }

  /** Drops a document's waiting request and abandons its in-flight one (document closed). */
  cancel(uri: string): void {
    this.waiting.get(uri)?.resolve(undefined);
    this.waiting.delete(uri);
    if (this.inFlight?.request.uri === uri) this.abandon(this.inFlight);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.waiting.values()) job.resolve(undefined);
    this.waiting.clear();
    if (this.inFlight) this.finish(this.inFlight, undefined);
    this.stopWorker();
  }

  /**
   * Nobody wants the in-flight job's answer any more. It may finish on its own, but once it has
   * run `supersedeAfterMs` the worker is stopped. The deadline is armed when the job is abandoned,
   * not tested only then: an edit in the first milliseconds of an endless loop, followed by a
   * pause in typing, must not leave every document waiting for the full timeout.
   */
  private abandon(job: Job): void {
    if (job.superseded) return;
    job.superseded = true;
    const left = job.postedAt + (this.opts.supersedeAfterMs ?? 150) - performance.now();
    if (left <= 0) this.stopAbandoned(job);
    else job.abandonTimer = setTimeout(() => this.stopAbandoned(job), left);
  }

  private stopAbandoned(job: Job): void {
    if (this.inFlight !== job) return;
    this.log('info', `stopping the check of ${job.request.fileName} v${job.request.version}: superseded`);
    this.finish(job, undefined);
    this.stopWorker();
    this.pump();
  }

  private log(level: 'info' | 'warn' | 'error', text: string): void {
    this.opts.log?.(level, text);
  }

  private pump(): void {
    if (this.disposed || this.inFlight || this.waiting.size === 0) return;
    const slot = this.slot ?? this.startWorker();
    if (!slot.ready) return; // `ready` pumps again
    const [uri, job] = this.waiting.entries().next().value as [string, Job];
    this.waiting.delete(uri);
    this.inFlight = job;
    job.postedAt = performance.now();
    const limit = this.opts.timeoutMs();
    job.timer = setTimeout(() => this.onTimeout(job, limit), limit);
    slot.worker.postMessage(job.request);
  }

  private startWorker(): WorkerSlot {
    const worker = new Worker(this.opts.workerPath, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb ?? 512, stackSizeMb: 16 },
    });
    const slot: WorkerSlot = { worker, ready: false };
    this.slot = slot;
    this.workersStarted++;
    worker.on('message', (m: unknown) => {
      if (this.slot === slot) this.onMessage(slot, m);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.slot === slot) this.onWorkerDied(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : err.message);
    });
    worker.on('exit', (code) => {
      if (this.slot === slot) this.onWorkerDied(slot, `the engine worker exited with code ${code}`);
    });
    return slot;
  }

  private stopWorker(): void {
    const slot = this.slot;
    this.slot = undefined;
    if (slot) void slot.worker.terminate();
  }

  private onMessage(slot: WorkerSlot, raw: unknown): void {
    if (!isWorkerToHost(raw)) {
      this.log('error', `ignored a malformed message from the worker: ${JSON.stringify(raw)?.slice(0, 300)}`);
      // A malformed answer to the running request still ends it: waiting for the timeout instead
      // would put an engine bug on the user's code as "does this loop end?".
      const job = this.inFlight;
      if (job && answersJob(raw, job)) {
        this.finish(job, this.failure(job, 'internal-error', 'Grad Lens internal error: the engine sent a malformed answer'));
        this.pump();
      }
      return;
    }
    const m: WorkerToHost = raw;
    switch (m.kind) {
      case 'ready':
        slot.ready = true;
        this.pump();
        return;
      case 'log':
        this.log(m.level, m.text);
        return;
      case 'progress':
        if (this.inFlight?.request.id === m.id) this.inFlight.progress = m.range;
        return;
      case 'result':
      case 'failed': {
        const job = this.inFlight;
        if (!job || job.request.id !== m.id) return;
        if (m.kind === 'result') {
          this.finish(job, this.response(job, 'ok', m.report));
        } else {
          this.log('error', `engine error in ${job.request.fileName}: ${m.stack ?? m.message}`);
          this.finish(job, this.failure(job, 'internal-error', `Grad Lens internal error: ${m.message}`));
        }
        this.pump();
        return;
      }
    }
  }

  private onTimeout(job: Job, limit: number): void {
    if (this.inFlight !== job) return;
    this.log('warn', `stopped ${job.request.fileName} v${job.request.version} after ${limit} ms; restarting the worker`);
    this.stopWorker();
    this.finish(job, this.failure(job, 'timeout', `Grad Lens stopped after ${limit} ms: does this loop end?`));
    this.pump();
  }

  private onWorkerDied(slot: WorkerSlot, reason: string): void {
    this.slot = undefined;
    const job = this.inFlight;
    const mb = this.opts.memoryMb ?? 512;
    this.log('error', `the engine worker stopped: ${reason}`);
    if (job) {
      this.finish(
        job,
        reason === 'out-of-memory'
          ? this.failure(job, 'out-of-memory', `Grad Lens ran out of memory (${mb} MB) while running this code`)
          : this.failure(job, 'internal-error', `Grad Lens internal error: ${reason}`),
      );
    }
    if (slot.ready) {
      this.pump();
      return;
    }
    // It died before saying `ready`, so it cannot start at all (a broken bundle, an engine that
    // throws while loading): starting another one at once would only die the same way, in a loop
    // that never answers. The waiting requests get the error; the next check tries again.
    for (const waiting of this.waiting.values()) {
      waiting.postedAt = performance.now(); // never posted: no time spent
      waiting.resolve(this.failure(waiting, 'internal-error', `Grad Lens internal error: the engine did not start: ${reason}`));
    }
    this.waiting.clear();
  }

  private finish(job: Job, response: CheckResponse | undefined): void {
    clearTimeout(job.timer);
    clearTimeout(job.abandonTimer);
    if (this.inFlight === job) this.inFlight = undefined;
    job.resolve(job.superseded ? undefined : response);
  }

  private response(job: Job, status: CheckStatus, report: Report): CheckResponse {
    const { uri, version } = job.request;
    return { status, uri, version, report, elapsedMs: performance.now() - job.postedAt };
  }

  /** A report holding one diagnostic, on the statement that was running when it went wrong. */
  private failure(job: Job, status: Exclude<CheckStatus, 'ok'>, message: string): CheckResponse {
    const range = job.progress ?? guessRunningStatement(job.request.source);
    const diagnostic: Diagnostic = { severity: 'error', code: status, message, range };
    return this.response(job, status, {
      version: 1,
      file: job.request.fileName,
      values: [],
      annotations: [],
      functions: [],
      diagnostics: [diagnostic],
      output: [],
      log: [],
    });
  }
}

function answersJob(raw: unknown, job: Job): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const m = raw as { kind?: unknown; id?: unknown };
  return (m.kind === 'result' || m.kind === 'failed') && m.id === job.request.id;
}
