// Activation: one `GradLens` object owns every disposable (rust-analyzer's "context" pattern), so
// deactivation is one `dispose()` that also terminates the engine worker. Activation itself only
// wires providers and starts no engine work on this thread: checks go to the worker.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { Checker, isPythonDocument, type DocumentResult } from './checker';
import { QuickFixProvider } from './codeActions';
import { COMPUTE_GRADIENT, GradientLensProvider } from './codeLens';
import { CHECK_FILE, checkFile, computeGradient } from './commands';
import { readConfig } from './config';
import { InlineValues, labelsFor, type PlacedLabel } from './decorations';
import { EngineClient } from './engineClient';
import { ExerciseUi, type ExerciseTestApi } from './exercise';
import { ValueHoverProvider } from './hover';
import { SHOW_LOG, StatusItem } from './statusBar';

const PYTHON: vscode.DocumentSelector = { language: 'python' };

/** What `activate` returns: a small API the extension tests use to read results. */
export interface GradLensApi {
  activationMs: number;
  result(uri: vscode.Uri): DocumentResult | undefined;
  /** Resolves with the first result for `uri` at `minVersion` or later. */
  nextResult(uri: vscode.Uri, minVersion: number, timeoutMs?: number): Promise<DocumentResult>;
  /** The end-of-line labels currently drawn for a document. */
  labels(uri: vscode.Uri): PlacedLabel[];
  statusText(): string;
  workersStarted(): number;
  /** The exercise panel, driven through its message path. */
  exercises: ExerciseTestApi;
}

class GradLens implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly log: vscode.LogOutputChannel;
  readonly client: EngineClient;
  readonly checker: Checker;
  readonly status: StatusItem;
  readonly exercises: ExerciseUi;

  constructor(context: vscode.ExtensionContext) {
    this.log = this.own(vscode.window.createOutputChannel('Grad Lens', { log: true }));
    this.client = new EngineClient({
      workerPath: path.join(context.extensionPath, 'dist', 'worker.js'),
      timeoutMs: () => readConfig().timeoutMs,
      log: (level, text) => this.log[level](text),
    });
    this.own({ dispose: () => this.client.dispose() });
    const diagnostics = this.own(vscode.languages.createDiagnosticCollection('gradlens'));
    this.checker = this.own(new Checker(this.client, diagnostics, this.log));
    const lenses = this.own(new GradientLensProvider(this.checker));
    const inline = this.own(new InlineValues(this.checker));
    this.status = this.own(new StatusItem(this.checker));

    this.own(vscode.languages.registerCodeLensProvider(PYTHON, lenses));
    this.own(vscode.languages.registerHoverProvider(PYTHON, new ValueHoverProvider(this.checker)));
    this.own(vscode.languages.registerCodeActionsProvider(PYTHON, new QuickFixProvider(this.checker), QuickFixProvider.metadata));

    this.own(vscode.commands.registerCommand(CHECK_FILE, (uri?: string | vscode.Uri) => checkFile(this.checker, uri?.toString())));
    this.own(vscode.commands.registerCommand(COMPUTE_GRADIENT, (uri?: string, fn?: string, args?: string) =>
      computeGradient(this.checker, uri, fn, args)));
    this.own(vscode.commands.registerCommand(SHOW_LOG, () => this.log.show(true)));
    this.exercises = this.own(new ExerciseUi(context, this.log, () => readConfig().timeoutMs));

    this.own(vscode.workspace.onDidOpenTextDocument((doc) => this.onOpen(doc)));
    this.own(vscode.workspace.onDidCloseTextDocument((doc) => this.checker.forget(doc.uri)));
    // VS Code disposes a document some time after its last editor closes; results and problems
    // of a file the user closed go away with its last tab, and come back when it is shown again.
    this.own(vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        if (tab.input instanceof vscode.TabInputText && !isInAnyTab(tab.input.uri)) this.checker.forget(tab.input.uri);
      }
    }));
    this.own(vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const { document } of editors) if (!this.checker.result(document.uri)) this.onOpen(document);
    }));
    this.own(vscode.workspace.onDidChangeTextDocument((e) => {
      if (isPythonDocument(e.document) && e.contentChanges.length > 0 && readConfig(e.document.uri).live) {
        this.checker.schedule(e.document);
      }
    }));
    this.own(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('gradlens')) return;
      inline.refresh();
      // x64 and finite differences change results: re-check what is open (live mode only).
      if (e.affectsConfiguration('gradlens.x64') || e.affectsConfiguration('gradlens.finiteDifferences') ||
          e.affectsConfiguration('gradlens.live')) {
        for (const doc of vscode.workspace.textDocuments) this.onOpen(doc);
      }
    }));
    for (const doc of vscode.workspace.textDocuments) this.onOpen(doc);
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (isPythonDocument(doc) && readConfig(doc.uri).live) void this.checker.checkNow(doc);
  }

  private own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        console.error('Grad Lens: dispose failed', e);
      }
    }
  }
}

function isInAnyTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}

let instance: GradLens | undefined;

export function activate(context: vscode.ExtensionContext): GradLensApi {
  const started = performance.now();
  const lens = new GradLens(context);
  instance = lens;
  context.subscriptions.push(lens);
  const activationMs = performance.now() - started;
  lens.log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    result: (uri) => lens.checker.result(uri),
    nextResult: (uri, minVersion, timeoutMs = 10_000) =>
      new Promise<DocumentResult>((resolve, reject) => {
        const done = (r: DocumentResult | undefined) => {
          if (r && r.uri.toString() === uri.toString() && r.version >= minVersion) {
            clearTimeout(timer);
            sub.dispose();
            resolve(r);
          }
        };
        const sub = lens.checker.onDidUpdate(done);
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error(`no Grad Lens result for ${uri.toString()} v${minVersion} within ${timeoutMs} ms`));
        }, timeoutMs);
        done(lens.checker.result(uri));
      }),
    labels: (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const r = lens.checker.result(uri);
      return doc && r && readConfig(uri).decorations ? labelsFor(doc, r) : [];
    },
    statusText: () => lens.status.text,
    workersStarted: () => lens.client.workersStarted,
    exercises: lens.exercises.testApi(),
  };
}

export function deactivate(): void {
  instance?.dispose();
  instance = undefined;
}
