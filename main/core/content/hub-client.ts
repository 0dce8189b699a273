import { EnvHttpProxyAgent, fetch, type Dispatcher } from 'undici';
import type { PackChannel } from '../../../shared/content/pack';

// The desk asks its hub for packs with the sync credential (GET /v1/packs/:channel, then /latest when newer), through
// the proxy settings of the environment as the sync does. Answers are returned as they are: the service verifies.

export interface HubAccess {
  hubUrl: string;
  credential: string;
}

export interface HubAnswer {
  status: number;
  body: unknown;
}

export interface PackHubClient {
  info(access: HubAccess, channel: PackChannel, signal: AbortSignal): Promise<HubAnswer>;
  latest(access: HubAccess, channel: PackChannel, signal: AbortSignal): Promise<HubAnswer>;
}

const TIMEOUT_MS = 120_000;

export function createPackHubClient(dispatcher: Dispatcher = new EnvHttpProxyAgent()): PackHubClient {
  async function get(access: HubAccess, path: string, signal: AbortSignal): Promise<HubAnswer> {
    const res = await fetch(`${access.hubUrl}${path}`, {
      headers: { authorization: `Bearer ${access.credential}`, accept: 'application/json' },
      dispatcher,
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // a proxy's HTML page: the status says enough
    }
    return { status: res.status, body };
  }
  return {
    info: (access, channel, signal) => get(access, `/v1/packs/${channel}`, signal),
    latest: (access, channel, signal) => get(access, `/v1/packs/${channel}/latest`, signal),
  };
}
