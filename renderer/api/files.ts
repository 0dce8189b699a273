import type { FilePurpose, OpenSource, SaveTarget } from '../../shared/files/schema';
import type { Result } from '../../shared/errors';
import { api, ApiError } from './client';
import { clickDownload } from '../lib/download';

// Files the user picks, whatever the host: the desktop app shows the system's dialogs (the core keeps the path), the
// browser mode downloads what the core wrote and uploads the file the user chose. Features call these three and never
// know which host they run in; the core answers opaque single-use ids either way.

/** The desktop app (Electron's preload is there); false in browser mode. */
export const isDesktop = () => window.mediane !== undefined;

/** The file extension of each purpose, for the browser's file picker. */
const ACCEPT: Record<FilePurpose, string> = {
  desk: '.mediane',
  pdf: '.pdf',
  guidePack: '.json,application/json',
  catalogue: '.zip',
  snapshots: '.json',
  csv: '.csv',
  xlsx: '.xlsx',
  ods: '.ods',
  spreadsheet: '.xlsx,.csv',
  contentPack: '.json,application/json',
};

/** Where to write: null when the user cancelled the dialog. */
export function chooseSaveTarget(purpose: FilePurpose, suggestedName: string): Promise<SaveTarget | null> {
  return api('files.pickSave', { purpose, suggestedName });
}

/** Hands the written file to the user: nothing to do when it was written where they chose; a download otherwise. */
export function deliver(target: SaveTarget): void {
  if (target.delivery === 'native') return;
  // A same-origin link: the browser sends the host's cookie and saves the attachment under the name the host gives.
  clickDownload(`./files/${encodeURIComponent(target.targetId)}`, target.name);
}

/** The browser's own file picker; null when closed without a choice. Must be called from a user's click. */
function pickInBrowser(purpose: FilePurpose): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[purpose];
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

async function upload(file: File, purpose: FilePurpose): Promise<OpenSource> {
  let res: Response;
  try {
    res = await fetch(`./files/upload?name=${encodeURIComponent(file.name)}&purpose=${purpose}`, {
      method: 'POST',
      credentials: 'same-origin',
      // The host refuses uploads without this header, as it does RPC calls (see client.ts).
      headers: { 'content-type': 'application/octet-stream', 'x-mediane-rpc': '1' },
      body: file,
    });
  } catch {
    throw new ApiError({ code: 'storage_unavailable', messageKey: 'errors.hostUnreachable' });
  }
  const body = (await res.json().catch(() => null)) as Result<OpenSource> | null;
  if (body && body.ok === true) return body.value;
  if (body && body.ok === false) throw new ApiError(body.error);
  throw new ApiError({ code: res.status === 403 ? 'forbidden' : 'internal' });
}

/**
 * The file to read: null when the user cancelled. Desktop: the system dialog; browser mode: the browser's picker,
 * then the file is uploaded to the host. Call it straight from a click (the browser only opens its picker then).
 */
export async function chooseOpenSource(purpose: FilePurpose): Promise<OpenSource | null> {
  if (isDesktop()) return api('files.pickOpen', { purpose });
  const file = await pickInBrowser(purpose);
  return file ? upload(file, purpose) : null;
}
