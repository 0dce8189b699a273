import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_ID, paths } from './paths';

/** Only https addresses become links; anything else (http, javascript:, data:…) shows as plain text. */
export function safeHttpsUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A link outside the app: https only, in a new window (the desktop shell hands allowlisted official sites to the
 * system browser and refuses the rest, SECURITY.md rule 4), never with access to this page (noopener).
 */
export function ExternalLink({ url, children }: { url: string | undefined; children: ReactNode }) {
  const { t } = useTranslation('catalogue');
  const href = safeHttpsUrl(url);
  if (!href) return <>{children}</>;
  return (
    <a
      className="fr-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={t('fiche.newWindow', { label: typeof children === 'string' ? children : href })}
    >
      {children}
    </a>
  );
}

/** A link to another entry of the catalogue, inside the app. */
export function EntryLink({ id, children }: { id: string | undefined; children: ReactNode }) {
  if (!id || !ENTRY_ID.test(id)) return <>{children}</>;
  return (
    <a className="fr-link" href={paths.fiche(id)}>
      {children}
    </a>
  );
}
