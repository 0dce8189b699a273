import { useSyncExternalStore } from 'react';

// Hash routes: they work the same under app:// (desktop) and http://127.0.0.1 (browser mode), with no server help.
export type Route =
  | { name: 'journal' }
  | { name: 'newSession'; kind: 'individuel' | 'collectif'; timerId: string | null; durationMin: number | null }
  | { name: 'editSession'; id: string }
  | { name: 'followUps' }
  | { name: 'site' }
  | { name: 'moveDesk' }
  | { name: 'restoreDesk' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'seance' && parts[1] === 'nouvelle') {
    const duration = Number(params.get('duree'));
    return {
      name: 'newSession',
      kind: params.get('type') === 'collectif' ? 'collectif' : 'individuel',
      timerId: params.get('chrono'),
      durationMin: Number.isInteger(duration) && duration > 0 ? duration : null,
    };
  }
  if (parts[0] === 'seance' && parts[1]) return { name: 'editSession', id: parts[1] };
  if (parts[0] === 'relances') return { name: 'followUps' };
  if (parts[0] === 'lieu' && parts[1] === 'changer-d-ordinateur') return { name: 'moveDesk' };
  if (parts[0] === 'lieu') return { name: 'site' };
  if (parts[0] === 'restaurer') return { name: 'restoreDesk' };
  return { name: 'journal' };
}

export const paths = {
  journal: '#/journal',
  newSession: (kind: 'individuel' | 'collectif' = 'individuel', timer?: { id: string; durationMin: number }) =>
    `#/seance/nouvelle?type=${kind}${timer ? `&chrono=${timer.id}&duree=${timer.durationMin}` : ''}`,
  editSession: (id: string) => `#/seance/${id}`,
  followUps: '#/relances',
  site: '#/lieu',
  moveDesk: '#/lieu/changer-d-ordinateur',
  restoreDesk: '#/restaurer',
};

export function navigate(hash: string): void {
  window.location.hash = hash;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
