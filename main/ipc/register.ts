import { METHOD_NAMES, type Handlers, type MethodName } from '../../shared/contract';
import { IPC_CHANNEL_PREFIX } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import { isAppUrl } from '../app/origin';
import { dispatch, type DispatchLog } from './dispatch';

// The contract wired to Electron's IPC. No 'electron' import: Electron's ipcMain, IpcMainInvokeEvent and
// WebFrameMain satisfy the small interfaces below, and tests pass fakes.

/** The part of Electron's WebFrameMain we look at. */
export interface SenderFrameLike {
  readonly url: string;
  /** null for a window's main frame; a subframe (iframe) has its parent here. */
  readonly parent: unknown;
}

/** The part of Electron's IpcMainInvokeEvent we look at. senderFrame is null when the frame is gone. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RegisterLog extends DispatchLog {
  warn?(message: string): void;
}

export interface RegisterOptions {
  /**
   * Whether a main frame may call the core. Checked after the main-frame test; main/app passes
   * `isAppOriginFrame` (plus the dev-server origin in unpackaged development runs).
   */
  isTrustedSender(frame: SenderFrameLike): boolean;
  log?: RegisterLog;
}

/** The production sender rule: the frame shows a page of app://mediane. */
export function isAppOriginFrame(frame: SenderFrameLike): boolean {
  return isAppUrl(frame.url);
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden' } };

/** The IPC channel of a contract method: 'mediane:journal.create'. */
export function channelOf(method: MethodName): string {
  return IPC_CHANNEL_PREFIX + method;
}

/**
 * Registers one `ipcMain.handle` per contract method, and nothing else. Every call is checked in this order:
 * 1. the sender is a main frame (no iframe, no vanished frame) whose page passes `isTrustedSender`, else
 *    `forbidden` without touching the core;
 * 2. exactly one argument (the input) was sent, else `invalid_input`;
 * 3. `dispatch` parses the input with the contract's schema (unknown keys rejected, size capped), runs the core
 *    handler and turns every failure into a typed error code.
 * Returns a function that removes the handlers (for tests and for a clean quit).
 */
export function registerContract(ipcMain: IpcMainLike, handlers: Handlers, opts: RegisterOptions): () => void {
  const log = opts.log;
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    ipcMain.handle(channel, async (event: InvokeEventLike, ...args: unknown[]): Promise<Result<unknown>> => {
      const frame = event?.senderFrame ?? null;
      let trusted = false;
      try {
        trusted = frame !== null && frame.parent === null && opts.isTrustedSender(frame);
      } catch {
        trusted = false; // a frame that throws on access (destroyed) is not trusted
      }
      if (!trusted) {
        log?.warn?.(`[mediane] refused ${method} from an untrusted sender`);
        return FORBIDDEN;
      }
      if (args.length > 1) return { ok: false, error: { code: 'invalid_input' } };
      return dispatch(handlers, method, args[0], log);
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
