import { useSyncExternalStore } from 'react';

// Hash routes: they work the same under app:// (desktop) and http://127.0.0.1 (browser mode), with no server help.
// This module only reads and changes the address; each feature declares its own routes (renderer/app/feature.ts).

/** An address split into its path segments and its query ("#/seance/nouvelle?type=collectif"). */
export interface HashLocation {
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): HashLocation {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query) };
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current address (the raw hash), followed as it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
