// The track as VS Code shows it: a tree view in the explorer and the "Open Exercise" quick pick,
// both with each exercise's status (solved / attempted / new).

import * as vscode from 'vscode';
import { CATALOG } from '../../exercises/catalog';
import { LEVEL_NAMES } from '../../exercises/types';
import type { Exercise } from '../../exercises/types';
import type { ExerciseStatus, ProgressStore } from './progress';

export const OPEN_EXERCISE = 'gradlens.openExercise';
export const TRACK_VIEW = 'gradlens.exercises';

const ICONS: Record<ExerciseStatus, string> = { solved: 'pass-filled', attempted: 'circle-large-filled', new: 'circle-large-outline' };

export class TrackTreeProvider implements vscode.TreeDataProvider<Exercise>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly progress: ProgressStore) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(element?: Exercise): Exercise[] {
    return element ? [] : [...CATALOG];
  }

  getTreeItem(exercise: Exercise): vscode.TreeItem {
    const status = this.progress.get(exercise.id).status;
    const position = CATALOG.indexOf(exercise) + 1;
    const item = new vscode.TreeItem(`${position}. ${exercise.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = exercise.id;
    item.description = status;
    item.tooltip = `${exercise.summary}\n(${LEVEL_NAMES[exercise.level]}, ${status})`;
    item.iconPath = new vscode.ThemeIcon(ICONS[status]);
    item.command = { command: OPEN_EXERCISE, title: 'Open Exercise', arguments: [exercise.id] };
    item.accessibilityInformation = { label: `Exercise ${position}: ${exercise.title}, ${status}` };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The quick pick of the track; resolves with the chosen exercise's id. */
export async function pickExercise(progress: ProgressStore): Promise<string | undefined> {
  const items = CATALOG.map((exercise, i) => {
    const status = progress.get(exercise.id).status;
    return {
      id: exercise.id,
      label: `$(${ICONS[status]}) ${i + 1}. ${exercise.title}`,
      description: status,
      detail: exercise.summary,
    };
  });
  const firstOpen = items.find((item) => item.description !== 'solved');
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.items = items;
  pick.placeholder = 'Choose an exercise of the Grad Lens track';
  pick.matchOnDetail = true;
  if (firstOpen) pick.activeItems = [firstOpen];
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.id);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
