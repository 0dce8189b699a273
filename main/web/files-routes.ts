import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { FILE_PURPOSES, type FilePurpose, type OpenSource } from '../../shared/files/schema';
import { CoreError, type AppError } from '../../shared/errors';
import { RPC_HEADER } from './launch';

// Browser mode's side of "files the user picks": the desktop app shows system dialogs, a browser can only upload a
// file to the host and download one from it. The core keeps the staging files and hands out opaque single-use ids;
// these routes only move bytes. The server calls `handleFileRoute` after its own credential check.

/** A desk file is the whole database, notes included: a few GB at most for the largest desks we plan for. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
export const UPLOAD_PATH = '/files/upload';
const FILES_PREFIX = '/files/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the routes need from the core (`core.files`). */
export interface FileRouteCore {
  acceptUpload(name: string, body: Readable, maxBytes: number, purpose?: FilePurpose): Promise<OpenSource>;
  download(targetId: string): { path: string; name: string } | null;
  release(targetId: string): void;
}

const TOO_LARGE: AppError = { code: 'invalid_input', messageKey: 'errors.tooLarge' };
const BAD_REQUEST: AppError = { code: 'invalid_input' };
const NOT_FOUND: AppError = { code: 'not_found' };

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, error: AppError, headers: Record<string, string> = {}) =>
  json(res, status, { ok: false, error }, headers);

/**
 * RFC 6266 / RFC 5987: an ASCII fallback in `filename` (quotes, backslashes and non-ASCII replaced) and the exact
 * UTF-8 name in `filename*`, which every current browser prefers.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The upload's file name from `?name=`: a base name only (never a path), 1 to 255 characters, no control character. */
function uploadName(query: string): string | null {
  const raw = new URLSearchParams(query).get('name');
  if (raw === null) return null;
  const name = basename(raw.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= 255 && !/[\u0000-\u001f\u007f]/.test(name) && name !== '..' ? name : null;
}

/** What the upload is for, from `?purpose=` (a desk file when absent, as before purposes were sent). */
function uploadPurpose(query: string): FilePurpose {
  const raw = new URLSearchParams(query).get('purpose');
  return (FILE_PURPOSES as readonly string[]).includes(raw ?? '') ? (raw as FilePurpose) : 'desk';
}

async function upload(req: IncomingMessage, res: ServerResponse, files: FileRouteCore, query: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, BAD_REQUEST, { allow: 'POST' });
  // As for RPC calls: a custom header, so that no other site can make the browser post a file here.
  if (req.headers[RPC_HEADER] !== '1')
    return fail(res, 403, { code: 'forbidden', messageKey: 'errors.launchRequired' });
  const name = uploadName(query);
  if (name === null) return fail(res, 400, BAD_REQUEST);
  // Refused before reading when announced too large; a body that grows past the cap is refused by the core.
  if (Number(req.headers['content-length']) > MAX_UPLOAD_BYTES)
    return fail(res, 413, TOO_LARGE, { connection: 'close' });
  let received = 0;
  async function* counted() {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      received += chunk.length;
      yield chunk;
    }
  }
  try {
    const source = await files.acceptUpload(name, Readable.from(counted()), MAX_UPLOAD_BYTES, uploadPurpose(query));
    json(res, 200, { ok: true, value: source });
  } catch (err) {
    // The client went away mid-upload: nobody to answer (the core has removed what it had staged).
    if (!res.socket || res.socket.destroyed) return void res.destroy();
    if (received > MAX_UPLOAD_BYTES) return fail(res, 413, TOO_LARGE, { connection: 'close' });
    // The core's typed refusals cross as they are; anything else is the server's 500 (logged there).
    if (err instanceof CoreError) return fail(res, 400, { code: err.code, messageKey: err.messageKey });
    throw err;
  }
}

async function download(req: IncomingMessage, res: ServerResponse, files: FileRouteCore, id: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, BAD_REQUEST, { allow: 'GET, HEAD' });
  const target = UUID.test(id) ? files.download(id) : null;
  if (target === null) return fail(res, 404, NOT_FOUND);
  let size: number;
  try {
    size = (await stat(target.path)).size;
  } catch {
    return fail(res, 404, NOT_FOUND);
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': size,
    'content-disposition': contentDisposition(target.name),
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve) => {
    const stream = createReadStream(target.path);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    // Released once fully sent: a download cut short can be asked again (staging files are cleared at start anyway).
    res.on('finish', () => {
      files.release(id);
      resolve();
    });
    res.on('close', () => resolve());
    stream.pipe(res);
  });
}

/**
 * `POST /files/upload?name=…` (the body is the file) answers `{ ok, value: OpenSource }`; `GET /files/<targetId>`
 * sends a finished download target as an attachment, then releases it. Answers false for any other path.
 */
export async function handleFileRoute(
  req: IncomingMessage,
  res: ServerResponse,
  files: FileRouteCore,
): Promise<boolean> {
  const raw = req.url ?? '';
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  if (!path.startsWith(FILES_PREFIX)) return false;
  if (path === UPLOAD_PATH) await upload(req, res, files, q === -1 ? '' : raw.slice(q + 1));
  else await download(req, res, files, path.slice(FILES_PREFIX.length));
  return true;
}
