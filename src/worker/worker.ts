// The engine worker: a `worker_threads` entry that runs `checkSource` for the extension host.
//
// It handles one request at a time (the engine is synchronous). The host enforces the wall-clock
// limit from outside by terminating this thread, so nothing here needs a timer; what the worker
// does is report which top-level statement it is on (`progress`), so that a timeout can be put on
// the code that was running. An exception escaping the engine is an engine bug: it is answered
// as `failed` with the JS stack, and the worker stays alive for the next request.

import { parentPort } from 'node:worker_threads';
import { checkSource, type CheckOptions } from '../engine/index';
import type { Range } from '../engine/report';
import { exerciseById, runExercise } from '../exercises';
import { type ExerciseReply, isRunExerciseRequest, type RunExerciseRequest } from '../protocol/exercise';
import { isHostToWorker, PROTOCOL_VERSION, type CheckRequest, type WorkerToHost } from '../protocol/messages';

/**
 * The engine reports the top-level statement it starts through this optional hook when it
 * supports it; older engines ignore the extra option and the host falls back to a static guess.
 */
type OptionsWithProgress = CheckOptions & { onStatement?: (range: Range) => void };

const port = parentPort;
if (!port) throw new Error('worker.ts must run inside a worker thread');

function post(message: WorkerToHost | ExerciseReply): void {
  port!.postMessage(message);
}

/** The exercise panel's "Run tests": the shared runner, with the engine's own step budget. */
function runExerciseTests(request: RunExerciseRequest): void {
  const started = performance.now();
  const exercise = exerciseById(request.exerciseId);
  if (!exercise) {
    post({ kind: 'exerciseFailed', id: request.id, message: `no exercise '${request.exerciseId}'` });
    return;
  }
  try {
    const result = runExercise(exercise, request.source);
    post({ kind: 'exerciseResult', id: request.id, result, elapsedMs: performance.now() - started });
  } catch (e) {
    post({ kind: 'exerciseFailed', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
}

function run(request: CheckRequest): void {
  const started = performance.now();
  const options: OptionsWithProgress = {
    fileName: request.fileName,
    x64: request.options.x64,
    finiteDifferences: request.options.finiteDifferences,
    // In the editor the user's budget is wall-clock time (gradlens.timeoutMs, enforced by the host
    // terminating this thread), so the step budget is lifted: otherwise a long loop would stop at
    // a step count that depends on the machine's speed rather than at the time the user chose.
    // The same holds for the iteration budget (items drawn by built-ins such as `sorted`). The
    // element and container budgets stay: they protect memory, which a timeout does not.
    limits: { maxSteps: Number.MAX_SAFE_INTEGER, maxIterations: Number.MAX_SAFE_INTEGER },
    onStatement: (range) => post({ kind: 'progress', id: request.id, range }),
  };
  const base = { id: request.id, uri: request.uri, version: request.version };
  try {
    const report = checkSource(request.source, options);
    post({ kind: 'result', ...base, report, elapsedMs: performance.now() - started });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ kind: 'failed', ...base, message: err.message, stack: err.stack });
  }
}

port.on('message', (raw: unknown) => {
  if (isRunExerciseRequest(raw)) {
    runExerciseTests(raw);
    return;
  }
  if (!isHostToWorker(raw)) {
    post({ kind: 'log', level: 'error', text: `worker: ignored a malformed message: ${JSON.stringify(raw)?.slice(0, 200)}` });
    return;
  }
  run(raw);
});

post({ kind: 'ready', protocol: PROTOCOL_VERSION });
