import type { FeatureRoute } from '../../app/feature';
import { FollowUpsPage } from './FollowUpsPage';
import { JournalPage } from './JournalPage';
import { SessionEditor } from './SessionEditor';
import { TemplatesPage } from './TemplatesPage';

// "seance/nouvelle" comes before "seance/<id>": the first route that matches wins.
export const routes: FeatureRoute[] = [
  {
    name: 'newSession',
    match: ({ parts, params }) => {
      if (parts[0] !== 'seance' || parts[1] !== 'nouvelle') return null;
      const kind = params.get('type') === 'collectif' ? 'collectif' : 'individuel';
      const timerId = params.get('chrono');
      const duration = Number(params.get('duree'));
      const durationMin = Number.isInteger(duration) && duration > 0 ? duration : null;
      const sourceId = params.get('depuis');
      const start = params.get('debut');
      const startTime = start && /^[0-2]\d:[0-5]\d$/.test(start) ? start : null;
      return (
        <SessionEditor
          key={`new-${kind}-${timerId ?? ''}-${sourceId ?? ''}`}
          mode={{ type: 'new', kind, timerId, durationMin, sourceId, startTime }}
        />
      );
    },
  },
  {
    name: 'editSession',
    match: ({ parts }) =>
      parts[0] === 'seance' && parts[1] ? <SessionEditor key={parts[1]} mode={{ type: 'edit', id: parts[1] }} /> : null,
  },
  { name: 'templates', match: ({ parts }) => (parts[0] === 'modeles' ? <TemplatesPage /> : null) },
  { name: 'followUps', match: ({ parts }) => (parts[0] === 'relances' ? <FollowUpsPage /> : null) },
  {
    name: 'journal',
    match: ({ parts, params }) => {
      if (parts.length > 0 && parts[0] !== 'journal') return null;
      const saved = params.get('enregistree');
      return <JournalPage savedId={saved && /^[0-9a-f-]{36}$/.test(saved) ? saved : null} />;
    },
  },
];
