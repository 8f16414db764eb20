// The messages between the exercise panel's webview (media/exercise/panel.js) and the extension.
// The webview is untrusted input: every message is checked against this union, and anything
// else is ignored (and logged by the panel). No `vscode` import, so unit tests can use it.

/** What the webview's buttons post. Each carries nothing but its type. */
export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'runTests' }
  | { type: 'showHint' }
  | { type: 'showSolution' }
  | { type: 'openStarter' }
  | { type: 'nextExercise' };

/** The panel's content: HTML built and escaped on the extension side (render.ts). */
export interface RenderMessage {
  type: 'render';
  html: string;
  /** The exercise shown, kept in the webview's state so the serializer can restore the panel. */
  exerciseId: string;
}

export type HostToWebview = RenderMessage;

const TYPES: ReadonlySet<string> = new Set<WebviewToHost['type']>([
  'ready',
  'runTests',
  'showHint',
  'showSolution',
  'openStarter',
  'nextExercise',
]);

export function isWebviewToHost(x: unknown): x is WebviewToHost {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  const type = (x as { type?: unknown }).type;
  return keys.length === 1 && typeof type === 'string' && TYPES.has(type);
}

/** The state the webview keeps across reloads (`vscode.setState`), as the serializer reads it. */
export function restoredExerciseId(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const id = (state as { exerciseId?: unknown }).exerciseId;
  return typeof id === 'string' ? id : undefined;
}
