import { vi, type Mock } from 'vitest';
import { METHOD_NAMES, type Handlers, type MethodName } from '../../shared/contract';
import type { IpcMainLike, InvokeEventLike, SenderFrameLike } from '../../main/ipc/register';

// Fakes of the Electron objects the shell modules take as parameters.

type Listener = (...args: never[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke(channel, ...args) would get back from a given frame. */
  async invoke(frame: SenderFrameLike | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, ...args);
  }
}

export function mainFrame(url: string): SenderFrameLike {
  return { url, parent: null };
}

export function subFrame(url: string): SenderFrameLike {
  return { url, parent: mainFrame('app://mediane/index.html') };
}

/** One vi.fn per contract method, each returning `{ method }`. */
export type FakeHandlers = { [M in MethodName]: Handlers[M] & Mock };

export function fakeHandlers(): FakeHandlers {
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, vi.fn(() => ({ method: m }))])) as never;
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A webContents (or app) that records its listeners and its window-open handler. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits will-frame-navigate (Electron passes one event object with the details) and reports whether it was cancelled. */
  navigateFrame(url: string, isMainFrame: boolean): boolean {
    const e = Object.assign(new FakeEvent(), { url, isMainFrame });
    this.emit('will-frame-navigate', e);
    return e.defaultPrevented;
  }
  /** Emits a navigation event and reports whether the app cancelled it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

/** session.webRequest: records the onBeforeRequest listener and answers whether a request would be cancelled. */
export class FakeWebRequest {
  listener: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  onBeforeRequest(
    listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
  ): void {
    this.listener = listener;
  }
  /** True when the request is cancelled. */
  request(url: string): boolean {
    let cancelled: boolean | undefined;
    this.listener!({ url }, (response) => (cancelled = response.cancel === true));
    if (cancelled === undefined) throw new Error('onBeforeRequest did not answer');
    return cancelled;
  }
}
