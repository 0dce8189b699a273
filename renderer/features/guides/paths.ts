import type { SessionHolder } from '../../ui/session-slots';

// The guides' addresses (French, like every route). A running timer or a session being edited travels in the query
// (?chrono=<timer id> or ?seance=<session id>): the guide pages then tick steps for it.

export function holderQuery(holder: SessionHolder | null): string {
  if (!holder) return '';
  return 'timerId' in holder ? `?chrono=${holder.timerId}` : `?seance=${holder.sessionId}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function holderOf(params: URLSearchParams): SessionHolder | null {
  const timer = params.get('chrono');
  if (timer && UUID.test(timer)) return { timerId: timer };
  const session = params.get('seance');
  if (session && UUID.test(session)) return { sessionId: session };
  return null;
}

export const paths = {
  list: (holder: SessionHolder | null = null) => `#/guides${holderQuery(holder)}`,
  guide: (id: string, holder: SessionHolder | null = null) => `#/guide/${id}${holderQuery(holder)}`,
  edit: (id: string) => `#/guide/${id}/modifier`,
  handout: (id: string) => `#/guide/${id}/fiche-remise`,
  packs: '#/guides/partage',
};
