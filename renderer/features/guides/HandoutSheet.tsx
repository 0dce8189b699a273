import type { Guide } from '../../../shared/guides/schema';
import { handoutDate, HANDOUT_LABELS, type HandoutLanguage } from './handout-labels';
import './handout.css';

export interface HandoutContent {
  lang: HandoutLanguage;
  /** Typed by the mediator in the handout only: never saved. */
  personName: string;
  deskName: string;
  openingHours: string;
  bring: string;
  nextSteps: string;
  followUpDate: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The one-page handout: the procedure, its websites, what to bring, the next steps, the follow-up date, the desk and
 * its hours. Labels in the person's language, the guide's text in French (lang="fr" on it). Never a password.
 */
export function HandoutSheet({ guide, content }: { guide: Guide; content: HandoutContent }) {
  const l = HANDOUT_LABELS[content.lang];
  const bring = lines(content.bring);
  const next = lines(content.nextSteps);
  return (
    <div className="mediane-handout">
      <header className="mediane-handout__desk">
        <p>
          <strong>{l.desk}</strong>
          {content.deskName && <> : {content.deskName}</>}
        </p>
        {content.openingHours && (
          <p>
            <strong>{l.hours}</strong> : {content.openingHours}
          </p>
        )}
      </header>
      <h1>{l.title}</h1>
      {content.personName.trim() && (
        <p>
          <strong>{l.for}</strong> : {content.personName.trim()}
        </p>
      )}
      <h2>{l.procedure}</h2>
      <p lang="fr" dir="ltr" className="mediane-handout__fr">
        <strong>{guide.title}</strong>
        <br />
        {guide.summary}
      </p>
      {l.frenchNote && <p className="mediane-handout__note">{l.frenchNote}</p>}
      <h2>{l.websites}</h2>
      <ul lang="fr" dir="ltr" className="mediane-handout__fr">
        {guide.entryPoints.map((e) => (
          <li key={e.url}>
            {e.label} : <span className="mediane-handout__url">{e.url}</span>
          </li>
        ))}
      </ul>
      {bring.length > 0 && (
        <>
          <h2>{l.bring}</h2>
          <ul lang="fr" dir="ltr" className="mediane-handout__fr">
            {bring.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </>
      )}
      {next.length > 0 && (
        <>
          <h2>{l.nextSteps}</h2>
          <ol lang="fr" dir="ltr" className="mediane-handout__fr">
            {next.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        </>
      )}
      {content.followUpDate && (
        <>
          <h2>{l.followUp}</h2>
          <p>{handoutDate(content.followUpDate, content.lang)}</p>
        </>
      )}
      <p className="mediane-handout__warning">{l.passwords}</p>
      <p className="mediane-handout__small">
        {l.reviewed} {handoutDate(guide.reviewedOn, content.lang)}
      </p>
    </div>
  );
}
