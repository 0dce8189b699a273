import { CoreError } from '../../../shared/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The hub's address as typed in Settings, normalised (no trailing slash). HTTPS only: the network is not trusted;
 * plain HTTP is accepted on this machine's loopback alone (a hub started for tests or a demonstration).
 */
export function parseHubUrl(input: string): string {
  const fail = (message: string) => new CoreError('invalid_input', undefined, [{ path: 'hubUrl', message }]);
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw fail('sync.hubUrlInvalid');
  }
  if (url.username || url.password || url.search || url.hash) throw fail('sync.hubUrlInvalid');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw fail('sync.hubUrlNotHttps');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('sync.hubUrlNotHttps');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
