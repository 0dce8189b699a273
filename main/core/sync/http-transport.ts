import { EnvHttpProxyAgent, fetch, type Dispatcher } from 'undici';
import type { EnrollRequest, PeersQuery } from '../../../shared/sync/api';
import type { Snapshot } from '../../../shared/sync/snapshot';
import type { TransportAnswer } from './uploader';

// The desk's HTTP client of the hub: undici's fetch through an EnvHttpProxyAgent, so the proxy settings common in
// administrations (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, in either case) are honoured as curl would. A request that
// gets no answer rejects (the uploader then retries later); any answer, even 5xx, is returned as it is.

export interface HubTransport {
  enroll(request: EnrollRequest, signal?: AbortSignal): Promise<TransportAnswer>;
  send(snapshot: Snapshot, credential: string, signal?: AbortSignal): Promise<TransportAnswer>;
  /** Peer benchmarks for diagnostics (absent: a transport that cannot ask, so the desk shows its cached figures). */
  peers?(query: PeersQuery, credential: string, signal?: AbortSignal): Promise<TransportAnswer>;
}

export type HubTransportFactory = (hubUrl: string) => HubTransport;

const TIMEOUT_MS = 30_000;
/** Peer benchmarks are shown on a results screen: a hub that does not answer quickly is treated as offline. */
const PEERS_TIMEOUT_MS = 8_000;

/** The proxy the desk will use for the hub, as read from the environment (shown in the status for IT). */
export function proxyFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || null;
}

export function createHttpTransport(hubUrl: string, dispatcher: Dispatcher = new EnvHttpProxyAgent()): HubTransport {
  async function call(
    path: string,
    body: string | null,
    headers: Record<string, string>,
    signal?: AbortSignal,
    timeoutMs = TIMEOUT_MS,
  ) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const res = await fetch(`${hubUrl}${path}`, {
      method: body === null ? 'GET' : 'POST',
      ...(body === null ? {} : { body }),
      headers: body === null ? headers : { 'content-type': 'application/json', ...headers },
      dispatcher,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    return { status: res.status, body: parsed };
  }
  return {
    enroll: (request, signal) => call('/v1/enroll', JSON.stringify(request), {}, signal),
    send: (snapshot, credential, signal) =>
      call('/v1/snapshots', JSON.stringify(snapshot), { authorization: `Bearer ${credential}` }, signal),
    peers: (query, credential, signal) =>
      call(
        `/v1/peers?${new URLSearchParams({ naf: query.naf, size: query.size, departement: query.departement })}`,
        null,
        { authorization: `Bearer ${credential}` },
        signal,
        PEERS_TIMEOUT_MS,
      ),
  };
}

export const httpTransportFactory: HubTransportFactory = (hubUrl) => createHttpTransport(hubUrl);
