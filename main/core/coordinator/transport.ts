import { EnvHttpProxyAgent, fetch, type Dispatcher } from 'undici';

// The coordinator's HTTP client of the hub: the same approach as the desk's sync (undici's fetch through an
// EnvHttpProxyAgent, so HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured). A request that gets no answer rejects; any
// answer, even an error, is returned with its status for the service to translate.

export interface HubAnswer {
  status: number;
  body: unknown;
}

export interface CoordinatorTransport {
  get(path: string, credential: string, signal?: AbortSignal): Promise<HubAnswer>;
  /** A JSON body sent as it is (a desk's snapshot file: its bytes are what the desk signed). */
  post(path: string, credential: string, body: string, signal?: AbortSignal): Promise<HubAnswer>;
}

export type CoordinatorTransportFactory = (hubUrl: string) => CoordinatorTransport;

const TIMEOUT_MS = 30_000;

export function createCoordinatorTransport(
  hubUrl: string,
  dispatcher: Dispatcher = new EnvHttpProxyAgent(),
): CoordinatorTransport {
  async function call(
    method: 'GET' | 'POST',
    path: string,
    credential: string,
    payload: string | undefined,
    signal?: AbortSignal,
  ): Promise<HubAnswer> {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const res = await fetch(`${hubUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${credential}`,
        accept: 'application/json',
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: payload,
      dispatcher,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    return { status: res.status, body };
  }
  return {
    get: (path, credential, signal) => call('GET', path, credential, undefined, signal),
    post: (path, credential, payload, signal) => call('POST', path, credential, payload, signal),
  };
}

export const coordinatorTransportFactory: CoordinatorTransportFactory = (hubUrl) => createCoordinatorTransport(hubUrl);
