// The messages between the extension host and the engine worker. Both sides import these types
// and validate what they receive: a message is plain data crossing a thread boundary, so the
// receiver checks its shape instead of trusting a cast.
//
// Flow: the host posts a `CheckRequest`; the worker answers with exactly one `CheckResult` or
// `CheckFailed` for the same `id`, and may post `Progress` marks (the top-level statement it is
// running, so a timeout can point at it) and `Log` lines in between.

import type { Report, Range } from '../engine/report';

export const PROTOCOL_VERSION = 1;

/** Options of one check, from the user's `gradlens.*` settings. */
export interface CheckRequestOptions {
  x64: boolean;
  finiteDifferences: boolean;
}

export interface CheckRequest {
  kind: 'check';
  id: number;
  /** The document's URI as a string, echoed back so the host can route the answer. */
  uri: string;
  /** The document version the source was read at. */
  version: number;
  /** A short display name for the report's `file` field. */
  fileName: string;
  source: string;
  options: CheckRequestOptions;
}

export type HostToWorker = CheckRequest;

export interface CheckResult {
  kind: 'result';
  id: number;
  uri: string;
  version: number;
  report: Report;
  /** Time spent in the engine, in milliseconds. */
  elapsedMs: number;
}

/** The engine threw a JS exception (an engine bug, not a Python error). */
export interface CheckFailed {
  kind: 'failed';
  id: number;
  uri: string;
  version: number;
  message: string;
  stack?: string;
}

/** The worker has started the top-level statement at `range` of request `id`. */
export interface Progress {
  kind: 'progress';
  id: number;
  range: Range;
}

export interface Log {
  kind: 'log';
  level: 'info' | 'warn' | 'error';
  text: string;
}

/** Posted once when the worker's message loop is listening. */
export interface Ready {
  kind: 'ready';
  protocol: number;
}

export type WorkerToHost = CheckResult | CheckFailed | Progress | Log | Ready;

// ---- validation ------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

function isPosition(x: unknown): boolean {
  return isObj(x) && isInt(x.line) && isInt(x.column) && isInt(x.offset);
}

export function isRange(x: unknown): x is Range {
  return isObj(x) && isPosition(x.start) && isPosition(x.end);
}

/** Checks the parts of a report the extension relies on; the leaves stay opaque data. */
export function isReport(x: unknown): x is Report {
  return (
    isObj(x) &&
    x.version === 1 &&
    typeof x.file === 'string' &&
    Array.isArray(x.values) &&
    x.values.every((v) => isObj(v) && isInt(v.line) && isInt(v.endLine) && isRange(v.range)) &&
    Array.isArray(x.annotations) &&
    x.annotations.every((a) => isObj(a) && typeof a.function === 'string' && isInt(a.line) && isRange(a.range)) &&
    Array.isArray(x.functions) &&
    x.functions.every(
      (f) => isObj(f) && typeof f.name === 'string' && isInt(f.line) && isRange(f.range) && Array.isArray(f.params),
    ) &&
    Array.isArray(x.diagnostics) &&
    x.diagnostics.every(
      (d) => isObj(d) && typeof d.message === 'string' && typeof d.code === 'string' && isRange(d.range),
    ) &&
    Array.isArray(x.output)
  );
}

function hasRequestFields(x: Obj): boolean {
  return isInt(x.id) && typeof x.uri === 'string' && isInt(x.version);
}

export function isHostToWorker(x: unknown): x is HostToWorker {
  return (
    isObj(x) &&
    x.kind === 'check' &&
    hasRequestFields(x) &&
    typeof x.fileName === 'string' &&
    typeof x.source === 'string' &&
    isObj(x.options) &&
    typeof x.options.x64 === 'boolean' &&
    typeof x.options.finiteDifferences === 'boolean'
  );
}

export function isWorkerToHost(x: unknown): x is WorkerToHost {
  if (!isObj(x)) return false;
  switch (x.kind) {
    case 'result':
      return hasRequestFields(x) && isReport(x.report) && typeof x.elapsedMs === 'number';
    case 'failed':
      return hasRequestFields(x) && typeof x.message === 'string';
    case 'progress':
      return isInt(x.id) && isRange(x.range);
    case 'log':
      return (x.level === 'info' || x.level === 'warn' || x.level === 'error') && typeof x.text === 'string';
    case 'ready':
      return x.protocol === PROTOCOL_VERSION;
    default:
      return false;
  }
}
