// The exercise panel: one webview showing the current exercise beside its file in a real editor.
//
// The content is HTML rendered on this side (render.ts) and posted to the webview, whose script
// (media/exercise/panel.js) only swaps it in and posts button presses back. Every message from
// the webview is validated (messages.ts); anything else is ignored and logged. The panel keeps
// the exercise id in the webview's state so the serializer can restore it after a reload.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CATALOG, exerciseById, nextExercise } from '../../exercises/catalog';
import type { Exercise } from '../../exercises/types';
import type { ExerciseClient, ExerciseRunResponse } from './exerciseClient';
import { type HostToWebview, isWebviewToHost, type WebviewToHost } from './messages';
import type { ProgressStore } from './progress';
import { panelBody, panelDocument, type PanelModel } from './render';

export const PANEL_VIEW_TYPE = 'gradlens.exercise';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  /** Where exercise files go when no folder is open. */
  storageUri: vscode.Uri;
  progress: ProgressStore;
  client: ExerciseClient;
  log: vscode.LogOutputChannel;
  /** Called after progress changed (the tree view refreshes). */
  onProgress: () => void;
}

export class ExercisePanel implements vscode.Disposable {
  private exercise: Exercise;
  private running = false;
  private lastRun: ExerciseRunResponse | undefined;
  private solutionShown = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  /** Fires once the panel is gone (closed by the user or disposed). */
  onDidDispose: (() => void) | undefined;

  constructor(readonly panel: vscode.WebviewPanel, exercise: Exercise, private readonly deps: PanelDeps) {
    this.exercise = exercise;
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(media, 'icons', 'gradlens.png');
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.webview.html = this.document();
  }

  get exerciseId(): string {
    return this.exercise.id;
  }

  get lastResponse(): ExerciseRunResponse | undefined {
    return this.lastRun;
  }

  /** The learner's file for the current exercise. */
  fileUri(exercise: Exercise = this.exercise): vscode.Uri {
    return exerciseFileUri(exercise, this.deps.storageUri);
  }

  /** Shows `exercise` (a new one resets the run shown) and its file beside the panel. */
  async show(exercise: Exercise): Promise<vscode.TextEditor> {
    if (exercise.id !== this.exercise.id) {
      this.exercise = exercise;
      this.lastRun = undefined;
      this.solutionShown = false;
      this.running = false;
    }
    this.panel.title = `Exercise: ${exercise.title}`;
    this.render();
    return this.openFile();
  }

  /** Opens the learner's file in an editor group beside the panel's. */
  openFile(): Promise<vscode.TextEditor> {
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    return openExerciseFile(this.exercise, this.deps.storageUri, column);
  }

  /** The webview's entry point, also the test hook: exactly what a button press posts. */
  async receive(raw: unknown): Promise<void> {
    if (!isWebviewToHost(raw)) {
      this.deps.log.warn(`exercise panel: ignored an unexpected message: ${safeJson(raw)}`);
      return;
    }
    await this.handle(raw);
  }

  private async handle(message: WebviewToHost): Promise<void> {
    const id = this.exercise.id;
    switch (message.type) {
      case 'ready':
        this.render();
        return;
      case 'runTests':
        await this.runTests();
        return;
      case 'showHint':
        await this.deps.progress.revealHint(id, this.exercise.hints.length);
        break;
      case 'showSolution':
        // Only after a real attempt: the button is not shown before, and a forged message is refused.
        if (!this.deps.progress.get(id).solutionUnlocked) return;
        this.solutionShown = true;
        break;
      case 'openStarter':
        await this.openFile();
        return;
      case 'nextExercise': {
        const next = nextExercise(id);
        if (next && this.deps.progress.get(id).status === 'solved') await this.show(next);
        return;
      }
    }
    this.render();
  }

  async runTests(): Promise<ExerciseRunResponse | undefined> {
    if (this.running) return undefined;
    const exercise = this.exercise;
    const uri = this.fileUri(exercise);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let source: string;
    try {
      source = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      source = exercise.starterCode;
    }
    this.running = true;
    this.render();
    const response = await this.deps.client.run(exercise.id, source);
    this.running = false;
    if (this.disposed || this.exercise.id !== exercise.id) return response;
    this.lastRun = response;
    if (response.status === 'ok') {
      await this.deps.progress.recordRun(exercise.id, response.result.passed);
      this.deps.onProgress();
    } else {
      this.deps.log.warn(`exercise ${exercise.id}: ${response.message}`);
    }
    this.render();
    return response;
  }

  private model(): PanelModel {
    const next = nextExercise(this.exercise.id);
    return {
      exercise: this.exercise,
      progress: this.deps.progress.get(this.exercise.id),
      position: CATALOG.indexOf(this.exercise) + 1,
      trackLength: CATALOG.length,
      next: next && { id: next.id, title: next.title },
      running: this.running,
      lastRun: this.lastRun,
      solutionShown: this.solutionShown,
      starterPath: this.fileUri().fsPath,
    };
  }

  /** The last HTML posted (tests read it). */
  html = '';

  private render(): void {
    if (this.disposed) return;
    this.html = panelBody(this.model());
    const message: HostToWebview = { type: 'render', html: this.html, exerciseId: this.exercise.id };
    void this.panel.webview.postMessage(message);
  }

  private document(): string {
    const webview = this.panel.webview;
    const media = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', ...parts)).toString();
    this.html = panelBody(this.model());
    return panelDocument({
      body: this.html,
      nonce: randomBytes(18).toString('base64'),
      cspSource: webview.cspSource,
      styles: [media('exercise', 'katex', 'katex.min.css'), media('exercise', 'panel.css')],
      script: media('exercise', 'panel.js'),
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
    this.onDidDispose?.();
  }
}

function safeJson(x: unknown): string {
  try {
    return (JSON.stringify(x) ?? String(x)).slice(0, 200);
  } catch {
    return Object.prototype.toString.call(x);
  }
}

/** Where the learner's file for `exercise` lives: in the workspace when a folder is open. */
export function exerciseFileUri(exercise: Exercise, storageUri: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const base = folder ? vscode.Uri.joinPath(folder.uri, 'gradlens-exercises') : vscode.Uri.joinPath(storageUri, 'exercises');
  return vscode.Uri.joinPath(base, `${exercise.id}.py`);
}

/** Creates the file from the starter code the first time (never overwriting it), then shows it. */
export async function openExerciseFile(exercise: Exercise, storageUri: vscode.Uri, column: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const uri = exerciseFileUri(exercise, storageUri);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exercise.starterCode));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false, preserveFocus: false });
}

export function exerciseOrFirst(id: string | undefined): Exercise {
  return (id && exerciseById(id)) || CATALOG[0];
}
