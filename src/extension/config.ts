// The `gradlens.*` settings, read fresh whenever they are needed so changes apply without reload.

import * as vscode from 'vscode';

export interface GradLensConfig {
  live: boolean;
  debounceMs: number;
  timeoutMs: number;
  x64: boolean;
  finiteDifferences: boolean;
  decorations: boolean;
}

export function readConfig(scope?: vscode.ConfigurationScope): GradLensConfig {
  const c = vscode.workspace.getConfiguration('gradlens', scope);
  const num = (key: string, fallback: number, min: number) => {
    const v = c.get<number>(key, fallback);
    return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, v) : fallback;
  };
  return {
    live: c.get<boolean>('live', true),
    debounceMs: num('debounceMs', 300, 0),
    timeoutMs: num('timeoutMs', 2000, 100),
    x64: c.get<boolean>('x64', false),
    finiteDifferences: c.get<boolean>('finiteDifferences', true),
    decorations: c.get<boolean>('decorations', true),
  };
}
