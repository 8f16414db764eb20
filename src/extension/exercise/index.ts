// The exercise feature's wiring: the "Open Exercise" command, the track's tree view, the panel
// (one at a time) and its serializer, and the worker that runs the tests. `extension.ts` only
// creates this object and owns it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { exerciseById } from '../../exercises/catalog';
import { ExerciseClient, type ExerciseRunResponse } from './exerciseClient';
import { restoredExerciseId } from './messages';
import { exerciseOrFirst, ExercisePanel, openExerciseFile, PANEL_VIEW_TYPE } from './panel';
import { type ExerciseProgress, ProgressStore } from './progress';
import { OPEN_EXERCISE, pickExercise, TRACK_VIEW, TrackTreeProvider } from './track';

/** What the extension-host tests drive (through `GradLensApi.exercises`). */
export interface ExerciseTestApi {
  open(id: string): Promise<vscode.TextEditor>;
  panel(): { exerciseId: string; fileUri: vscode.Uri; html: string; visible: boolean } | undefined;
  /** Posts a message on the panel's message path, as the webview's buttons do. */
  post(message: unknown): Promise<void>;
  lastRun(): ExerciseRunResponse | undefined;
  progress(id: string): ExerciseProgress;
  /** Disposes the panel and restores one as the serializer does after a reload. */
  simulateReload(): Promise<void>;
}

export class ExerciseUi implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly progress: ProgressStore;
  private readonly client: ExerciseClient;
  private readonly tree: TrackTreeProvider;
  private current: ExercisePanel | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    timeoutMs: () => number,
  ) {
    this.progress = new ProgressStore(context.globalState);
    this.client = new ExerciseClient({
      workerPath: path.join(context.extensionPath, 'dist', 'worker.js'),
      // A test run calls the entry point a dozen times: give it a few live-check budgets.
      timeoutMs: () => Math.max(10_000, 4 * timeoutMs()),
      log: (level, text) => log[level](text),
    });
    this.disposables.push({ dispose: () => this.client.dispose() });
    this.tree = new TrackTreeProvider(this.progress);
    this.disposables.push(
      this.tree,
      vscode.window.registerTreeDataProvider(TRACK_VIEW, this.tree),
      vscode.commands.registerCommand(OPEN_EXERCISE, async (id?: unknown) => {
        const chosen = typeof id === 'string' && exerciseById(id) ? id : await pickExercise(this.progress);
        if (chosen) await this.open(chosen);
      }),
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
      }),
    );
  }

  /** Opens (or reuses) the panel on exercise `id`, its file in the first column. */
  async open(id: string): Promise<vscode.TextEditor> {
    const exercise = exerciseOrFirst(id);
    if (!this.current) {
      // The file first, then the panel beside it: a new editor group to the right.
      await openExerciseFile(exercise, this.context.globalStorageUri, vscode.ViewColumn.One);
      this.adopt(new ExercisePanel(this.createPanel(exercise.title), exercise, this.deps()));
    } else {
      this.current.panel.reveal(this.current.panel.viewColumn, true);
    }
    return this.current!.show(exercise);
  }

  private createPanel(title: string): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, `Exercise: ${title}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.current?.dispose();
    const exercise = exerciseOrFirst(restoredExerciseId(state));
    this.adopt(new ExercisePanel(panel, exercise, this.deps()));
    await this.current!.show(exercise);
  }

  private adopt(panel: ExercisePanel): void {
    this.current = panel;
    panel.onDidDispose = () => {
      if (this.current === panel) this.current = undefined;
    };
  }

  private deps() {
    return {
      extensionUri: this.context.extensionUri,
      storageUri: this.context.globalStorageUri,
      progress: this.progress,
      client: this.client,
      log: this.log,
      onProgress: () => this.tree.refresh(),
    };
  }

  testApi(): ExerciseTestApi {
    return {
      open: (id) => this.open(id),
      panel: () => this.current && {
        exerciseId: this.current.exerciseId,
        fileUri: this.current.fileUri(),
        html: this.current.html,
        visible: this.current.panel.visible,
      },
      post: async (message) => {
        if (!this.current) throw new Error('no exercise panel is open');
        await this.current.receive(message);
      },
      lastRun: () => this.current?.lastResponse,
      progress: (id) => this.progress.get(id),
      simulateReload: async () => {
        const id = this.current?.exerciseId;
        this.current?.dispose();
        // A fresh store over the same globalState: what a new extension host would read.
        await this.restore(this.createPanel('Exercise'), { exerciseId: id });
      },
    };
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
