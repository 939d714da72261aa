// Typed, promise-returning wrapper over google.script.run, typed by the server's public functions.
import type { SidebarFunctionName } from '../../src/boundary/sidebarApi';
import type * as Server from '../../src/index';

/** The client half of google.script.run (not in @types/google-apps-script). */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error | string) => void): ScriptRun;
  [functionName: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host?: { close(): void } } };

type ServerModule = typeof Server;
/** Exactly the functions listed in SIDEBAR_API (menu and trigger functions are not callable). */
export type ServerFunctionName = SidebarFunctionName;

type Fn<K extends ServerFunctionName> = ServerModule[K] extends (...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** Turns whatever the server threw into one plain sentence for the user (never a stack trace). */
export function plainMessage(error: unknown): string {
  const raw = typeof error === 'string' ? error : error instanceof Error ? error.message : '';
  const firstLine = raw
    .split('\n')[0]
    .replace(/^(Exception|Error|UserError):\s*/, '')
    .trim();
  return firstLine || 'Something went wrong. Please try again.';
}

/** Calls a server function by name; rejects with a plain-words Error. */
export function callServer<K extends ServerFunctionName>(
  name: K,
  ...args: Parameters<Fn<K>>
): Promise<Awaited<ReturnType<Fn<K>>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Awaited<ReturnType<Fn<K>>>))
      .withFailureHandler((error) => reject(new Error(plainMessage(error))));
    const target = runner[name as string];
    if (typeof target !== 'function') {
      reject(new Error(`The add-on has no function named ${String(name)}.`));
      return;
    }
    (target as (...a: unknown[]) => void).apply(runner, args);
  });
}
