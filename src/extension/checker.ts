// Checks Python documents through the engine client and keeps the latest results per document.
//
// A result has two reports: `report` is the latest answer (its diagnostics go to the Problems
// panel), `shown` is what the editor displays (values, gradients, lenses). They differ when the
// latest answer is "broken" (the file does not parse, or the run timed out, ran out of memory or
// hit an engine bug): then the last good values stay on screen, marked stale, instead of flickering
// away while the user is mid-edit.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../engine/report';
import { readConfig } from './config';
import { toDiagnostic } from './convert';
import type { CheckStatus, EngineClient } from './engineClient';

export interface DocumentResult {
  uri: vscode.Uri;
  /** The document version this result was computed for. */
  version: number;
  status: CheckStatus;
  report: Report;
  shown: Report;
  stale: boolean;
  elapsedMs: number;
}

export function isPythonDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'python';
}

function isBroken(status: CheckStatus, report: Report): boolean {
  return status !== 'ok' || report.diagnostics.some((d) => d.errorType === 'SyntaxError' || d.code === 'syntax-error');
}

export class Checker implements vscode.Disposable {
  private readonly results = new Map<string, DocumentResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, number>();
  private readonly updated = new vscode.EventEmitter<DocumentResult | undefined>();
  private readonly busy = new vscode.EventEmitter<void>();
  /** Fires with the new result, or `undefined` when results were dropped (document closed). */
  readonly onDidUpdate = this.updated.event;
  /** Fires when a check starts or ends (the status bar's spinner). */
  readonly onDidChangeBusy = this.busy.event;

  constructor(
    private readonly client: EngineClient,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  result(uri: vscode.Uri): DocumentResult | undefined {
    return this.results.get(uri.toString());
  }

  get isBusy(): boolean {
    return this.running.size > 0;
  }

  /** Live mode: check after the debounce delay, restarting the delay on every edit. */
  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = readConfig(doc.uri).debounceMs;
    this.timers.set(key, setTimeout(() => void this.checkNow(doc), delay));
  }

  /** Checks now; resolves with the result, or `undefined` if a newer check superseded this one. */
  async checkNow(doc: vscode.TextDocument): Promise<DocumentResult | undefined> {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const config = readConfig(doc.uri);
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.busy.fire();
    try {
      const response = await this.client.check({
        uri: key,
        version: doc.version,
        fileName: path.posix.basename(doc.uri.path),
        source: doc.getText(),
        options: { x64: config.x64, finiteDifferences: config.finiteDifferences },
      });
      if (!response || doc.isClosed) return undefined;
      const previous = this.results.get(key);
      const broken = isBroken(response.status, response.report);
      const result: DocumentResult = {
        uri: doc.uri,
        version: response.version,
        status: response.status,
        report: response.report,
        shown: broken && previous ? previous.shown : response.report,
        stale: broken && previous !== undefined,
        elapsedMs: response.elapsedMs,
      };
      this.results.set(key, result);
      this.diagnostics.set(doc.uri, response.report.diagnostics.map((d) => toDiagnostic(d, doc.uri)));
      const r = response.report;
      this.log.info(
        `${r.file} v${result.version}: ${response.status} in ${response.elapsedMs.toFixed(1)} ms, ` +
          `${r.values.length} values, ${r.annotations.length} annotations, ${r.diagnostics.length} diagnostics` +
          (result.stale ? ' (showing the last good results)' : ''),
      );
      for (const line of r.output) this.log.info(`  print: ${line}`);
      for (const line of r.log ?? []) this.log.debug(`  engine: ${line}`);
      this.updated.fire(result);
      return result;
    } finally {
      const n = (this.running.get(key) ?? 1) - 1;
      if (n > 0) this.running.set(key, n);
      else this.running.delete(key);
      this.busy.fire();
    }
  }

  /** A closed document keeps nothing: no results, no diagnostics, no pending work. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.client.cancel(key);
    this.results.delete(key);
    this.diagnostics.delete(uri);
    this.updated.fire(undefined);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.updated.dispose();
    this.busy.dispose();
  }
}
