import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentElement, ContentNode } from '../../../shared/catalogue/content';
import { EntryLink, ExternalLink } from './links';

// A fiche's content, rendered through an allow-list: each element of the format's vocabulary maps to a component
// here (chapters to accordions, cases to tabs, "À savoir"/"Attention" to callouts, tables, lists…); anything else
// shows its text. Nothing is ever inserted as HTML: the tree only holds texts, element names and a few attributes.

type El = Extract<ContentNode, object>;

const isEl = (n: ContentNode, e?: ContentElement): n is El => typeof n !== 'string' && (e === undefined || n.e === e);

function plainText(nodes: ContentNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => (typeof n === 'string' ? n : plainText(n.c)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The title of a block (its `Titre` child) and the rest of its children. */
function split(el: El): { title: string; rest: ContentNode[] } {
  const kids = el.c ?? [];
  const titleNode = kids.find((k) => isEl(k, 'Titre'));
  return {
    title: titleNode && isEl(titleNode) ? plainText(titleNode.c) : '',
    rest: kids.filter((k) => k !== titleNode),
  };
}

export function ContentView({ nodes, level = 2 }: { nodes: ContentNode[]; level?: number }) {
  return <>{nodes.map((n, i) => renderNode(n, i, level))}</>;
}

function Children({ el, level }: { el: El; level: number }) {
  return <ContentView nodes={el.c ?? []} level={level} />;
}

function Heading({ level, children, className }: { level: number; children: ReactNode; className?: string }) {
  const h = Math.min(Math.max(level, 2), 6);
  const Tag = `h${h}` as 'h2';
  return <Tag className={className}>{children}</Tag>;
}

function renderNode(node: ContentNode, key: number, level: number): ReactNode {
  if (typeof node === 'string') return node;
  const k = `${node.e}-${key}`;
  switch (node.e) {
    case 'Introduction':
      return (
        <div key={k} className="mediane-fiche__intro">
          <Children el={node} level={level} />
        </div>
      );
    case 'Texte':
    case 'FragmentConditionne':
    case 'Complement':
    case 'Description':
      return (
        <div key={k}>
          <Children el={node} level={level} />
        </div>
      );
    case 'Paragraphe':
      return (
        <p key={k}>
          <Children el={node} level={level} />
        </p>
      );
    case 'Titre':
      return (
        <p key={k} className="fr-text--bold">
          {plainText(node.c)}
        </p>
      );
    case 'Chapitre':
      return <Chapter key={k} el={node} level={level} />;
    case 'SousChapitre':
    case 'Situation':
    case 'Cas':
    case 'CommentFaireSi':
    case 'SousTheme':
    case 'SousDossier':
      return <Section key={k} el={node} level={level} />;
    case 'BlocCas':
      return <CaseTabs key={k} cases={(node.c ?? []).filter((c): c is El => isEl(c, 'Cas'))} level={level} />;
    case 'ListeSituations':
      return <CaseTabs key={k} cases={(node.c ?? []).filter((c): c is El => isEl(c, 'Situation'))} level={level} />;
    case 'Liste': {
      const Tag = node.a?.type === 'numero' ? 'ol' : 'ul';
      return (
        <Tag key={k}>
          <Children el={node} level={level} />
        </Tag>
      );
    }
    case 'Item':
      return (
        <li key={k}>
          <Children el={node} level={level} />
        </li>
      );
    case 'Tableau':
      return <Table key={k} el={node} />;
    case 'ASavoir':
    case 'ANoter':
    case 'Attention':
    case 'Rappel':
    case 'Avertissement':
      return <Callout key={k} el={node} level={level} />;
    case 'MiseEnEvidence':
    case 'Valeur':
      return (
        <strong key={k}>
          <Children el={node} level={level} />
        </strong>
      );
    case 'Expression':
    case 'TermeEtranger':
      return (
        <em key={k}>
          <Children el={node} level={level} />
        </em>
      );
    case 'Citation':
      return (
        <q key={k}>
          <Children el={node} level={level} />
        </q>
      );
    case 'Exposant':
      return <sup key={k}>{plainText(node.c)}</sup>;
    case 'Indice':
      return <sub key={k}>{plainText(node.c)}</sub>;
    case 'LienInterne':
      return (
        <EntryLink key={k} id={node.a?.LienPublication}>
          {plainText(node.c)}
        </EntryLink>
      );
    case 'LienExterne':
    case 'LienWeb':
    case 'NoticeLiee':
      return (
        <ExternalLink key={k} url={node.a?.URL}>
          {plainText(node.c) || node.a?.URL}
        </ExternalLink>
      );
    case 'RessourceWeb':
      return <WebsiteLink key={k} url={node.a?.URL} />;
    case 'OuSAdresser':
      return <WhereToGo key={k} el={node} />;
    case 'ServiceEnLigne':
      return <OnlineService key={k} el={node} />;
    case 'NumeroCerfa':
      return <CerfaNumber key={k} n={plainText(node.c)} />;
    case 'Definition':
    case 'Abreviation':
      return <Definition key={k} el={node} />;
    case 'Dossier':
    case 'Fiche':
      return (
        <p key={k}>
          <EntryLink id={node.a?.ID}>{split(node).title || plainText(node.c)}</EntryLink>
        </p>
      );
    case 'Source':
    case 'PivotLocal':
    case 'AutreNumero':
    case 'LienIntra':
      return <span key={k}> {plainText(node.c)} </span>;
    case 'Rangée':
    case 'Cellule':
    case 'Colonne':
      // Only meaningful inside a table (see Table); alone, their text.
      return <span key={k}>{plainText(node.c)}</span>;
    default: {
      // Unreachable while the vocabulary and this switch agree; if they ever drift, the text still shows.
      const el = node as El;
      return <span key={k}>{plainText(el.c)}</span>;
    }
  }
}

function Section({ el, level }: { el: El; level: number }) {
  const { title, rest } = split(el);
  return (
    <section className="fr-mb-2w">
      {title && <Heading level={level}>{title}</Heading>}
      <ContentView nodes={rest} level={level + 1} />
    </section>
  );
}

/** A chapter: a DSFR accordion (folded by default, as on service-public.fr), its body kept in the page. */
function Chapter({ el, level }: { el: El; level: number }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const { title, rest } = split(el);
  if (!title) return <ContentView nodes={rest} level={level} />;
  return (
    <section className="fr-accordion">
      <Heading level={level} className="fr-accordion__title">
        <button
          type="button"
          className="fr-accordion__btn"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          {title}
        </button>
      </Heading>
      <div id={bodyId} className="mediane-fiche__chapter fr-px-2w fr-py-1w" hidden={!open}>
        <ContentView nodes={rest} level={level + 1} />
      </div>
    </section>
  );
}

/** Cases and situations: WAI-ARIA tabs (arrow keys move between tabs), DSFR tab look. */
function CaseTabs({ cases, level }: { cases: El[]; level: number }) {
  const { t } = useTranslation('catalogue');
  const [selected, setSelected] = useState(0);
  const base = useId();
  if (cases.length === 0) return null;
  const tabId = (i: number) => `${base}-tab-${i}`;
  const panelId = (i: number) => `${base}-panel-${i}`;
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: (selected + 1) % cases.length,
      ArrowLeft: (selected - 1 + cases.length) % cases.length,
      Home: 0,
      End: cases.length - 1,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setSelected(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div className="mediane-cases fr-mb-3w">
      <div role="tablist" aria-label={t('content.cases')} className="mediane-cases__list">
        {cases.map((c, i) => (
          <button
            key={i}
            id={tabId(i)}
            type="button"
            role="tab"
            aria-selected={i === selected}
            aria-controls={panelId(i)}
            tabIndex={i === selected ? 0 : -1}
            className={`fr-btn fr-btn--sm ${i === selected ? '' : 'fr-btn--tertiary'}`}
            onClick={() => setSelected(i)}
            onKeyDown={onKey}
          >
            {split(c).title || `${i + 1}`}
          </button>
        ))}
      </div>
      {cases.map((c, i) => (
        <div
          key={i}
          id={panelId(i)}
          role="tabpanel"
          aria-labelledby={tabId(i)}
          hidden={i !== selected}
          tabIndex={0}
          className="mediane-cases__panel fr-p-2w"
        >
          <ContentView nodes={split(c).rest} level={level} />
        </div>
      ))}
    </div>
  );
}

function Callout({ el, level }: { el: El; level: number }) {
  const { t } = useTranslation('catalogue');
  const { title, rest } = split(el);
  const fallback: Partial<Record<ContentElement, string>> = {
    ASavoir: t('content.aSavoir'),
    ANoter: t('content.aNoter'),
    Attention: t('content.attention'),
    Rappel: t('content.rappel'),
    Avertissement: t('content.attention'),
  };
  const tone =
    el.e === 'Attention' || el.e === 'Avertissement'
      ? 'fr-callout--orange-terre-battue'
      : el.e === 'ANoter'
        ? 'fr-callout--green-emeraude'
        : 'fr-callout--blue-ecume';
  return (
    <div className={`fr-callout ${tone} fr-mb-2w`}>
      <p className="fr-callout__title fr-h6">{title || fallback[el.e]}</p>
      <div className="fr-callout__text fr-text--md">
        <ContentView nodes={rest} level={level + 1} />
      </div>
    </div>
  );
}

function Table({ el }: { el: El }) {
  const { title, rest } = split(el);
  const rows = rest.filter((r): r is El => isEl(r, 'Rangée'));
  const cells = (row: El) => (row.c ?? []).filter((c): c is El => isEl(c, 'Cellule'));
  const header = rows.filter((r) => r.a?.type === 'header');
  const body = rows.filter((r) => r.a?.type !== 'header');
  return (
    <div className={`fr-table fr-table--bordered fr-table--sm${title ? '' : ' fr-table--no-caption'}`}>
      <table>
        {title && <caption>{title}</caption>}
        {header.length > 0 && (
          <thead>
            {header.map((r, i) => (
              <tr key={i}>
                {cells(r).map((c, j) => (
                  <th key={j} scope="col">
                    <ContentView nodes={c.c ?? []} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {body.map((r, i) => (
            <tr key={i}>
              {cells(r).map((c, j) => (
                <td key={j}>
                  <ContentView nodes={c.c ?? []} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WebsiteLink({ url }: { url: string | undefined }) {
  const { t } = useTranslation('catalogue');
  return (
    <p className="fr-mb-1w">
      <ExternalLink url={url}>{t('content.website')}</ExternalLink>
    </p>
  );
}

function WhereToGo({ el }: { el: El }) {
  const { t } = useTranslation('catalogue');
  const { title, rest } = split(el);
  return (
    <div className="fr-highlight fr-mb-2w">
      <p className="fr-mb-1w">
        <strong>{t('content.whereToGo')}</strong> {title}
      </p>
      <ContentView nodes={rest.filter((n) => !isEl(n, 'Source'))} level={6} />
    </div>
  );
}

function OnlineService({ el }: { el: El }) {
  const { t } = useTranslation('catalogue');
  const { title, rest } = split(el);
  const source = rest.find((n) => isEl(n, 'Source'));
  return (
    <div className="fr-highlight fr-mb-2w">
      <p className="fr-mb-1w">
        <strong>{el.a?.type ?? t('content.onlineService')}</strong> : <EntryLink id={el.a?.ID}>{title}</EntryLink>
        {source && isEl(source) ? ` (${plainText(source.c)})` : ''}
      </p>
      {el.a?.URL && (
        <p className="fr-mb-0">
          <ExternalLink url={el.a.URL}>{t('fiche.openService')}</ExternalLink>
        </p>
      )}
    </div>
  );
}

/** A glossary entry of the fiche: a term and its meaning, in small print after the content. */
function Definition({ el }: { el: El }) {
  const { t } = useTranslation('catalogue');
  const { title, rest } = split(el);
  return (
    <div className="fr-text--sm fr-mb-2w">
      <p className="fr-mb-0">
        <strong>{title || t('content.definition')}</strong>
      </p>
      <ContentView nodes={rest} level={6} />
    </div>
  );
}

function CerfaNumber({ n }: { n: string }) {
  const { t } = useTranslation('catalogue');
  return <p className="fr-text--sm">{t('content.cerfa', { n })}</p>;
}
