import { useTranslation } from 'react-i18next';
import { isOfficialUrl } from '../../../shared/guides/official-domains';

/**
 * A link to an official site: opened outside the app (the desktop shell hands https links on the allowlist to the
 * system browser; SECURITY.md, rule 4). Anything not on the allowlist shows as plain text, never as a link.
 */
export function ExternalLink({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation('guides');
  if (!isOfficialUrl(url)) return <span>{label}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" title={t('page.newWindow', { label })}>
      {label}
    </a>
  );
}
