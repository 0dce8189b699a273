import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL_PREFIX } from '../shared/ipc';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';
import type { Result } from '../shared/errors';

// The sandboxed preload (bundled to out/preload/index.cjs, CommonJS as sandboxing requires). It imports no schema
// code: the contract's method names are written in at build time (`__CONTRACT_METHODS__`, see electron.vite.config.ts),
// so a new method needs no edit here. No fs, no raw ipcRenderer, no sendSync, no generic invoke.
//
// What the renderer sees, `window.mediane`: a frozen object with exactly one function per contract method,
//
//   window.mediane['journal.create'](input) : Promise<Result<MethodOutput<'journal.create'>>>
//
// where Result is shared/errors.ts's
//
//   { ok: true, value: <the method's output> } | { ok: false, error: { code: ErrorCode, issues?, messageKey? } }
//
// The promise always resolves (never rejects): an input that cannot cross the bridge (a function, a DOM node...)
// resolves to { ok: false, error: { code: 'invalid_input' } }, any other transport failure to { code: 'internal' }.
// The main process checks the sender and validates the input with the contract's schema (main/ipc/register.ts).

declare const __CONTRACT_METHODS__: readonly MethodName[];

export type MedianeBridge = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

function call(method: MethodName) {
  const channel = IPC_CHANNEL_PREFIX + method;
  // Exactly one argument crosses: whatever else a caller passes is dropped here.
  return async (input: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
    } catch (err) {
      const cloneFailure = err instanceof Error && /could not be cloned/i.test(err.message);
      return { ok: false, error: { code: cloneFailure ? 'invalid_input' : 'internal' } };
    }
  };
}

const api = Object.freeze(
  Object.fromEntries(__CONTRACT_METHODS__.map((method) => [method, call(method)])),
) as unknown as MedianeBridge;

contextBridge.exposeInMainWorld('mediane', api);
