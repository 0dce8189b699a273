import { hostname } from 'node:os';
import type { LockHolder } from './storage/data-folder-lock';

// What a host says when the core cannot open the desk's data, before any screen exists to translate it.
// Shared by the Electron shell (a dialog, in the system's language) and the browser-mode command line.
type Language = 'fr' | 'en';
type Message = (details: unknown, language: Language) => string;

const fixed =
  (fr: string, en: string): Message =>
  (_details, language) =>
    language === 'fr' ? fr : en;

const HOST_NAMES: Record<Language, Record<'desktop' | 'browser' | 'unknown', string>> = {
  fr: {
    desktop: 'l’application de bureau Médiane',
    browser: 'Médiane en mode navigateur',
    unknown: 'un autre Médiane',
  },
  en: { desktop: 'the Médiane desktop app', browser: 'Médiane in browser mode', unknown: 'another Médiane' },
};

function isLockHolder(d: unknown): d is LockHolder {
  return typeof d === 'object' && d !== null && typeof (d as LockHolder).pid === 'number';
}

const locked: Message = (details, language) => {
  const holder = isLockHolder(details) ? details : null;
  const who = HOST_NAMES[language][holder?.host ?? 'unknown'];
  const elsewhere = holder && holder.hostname && holder.hostname !== hostname() ? holder.hostname : null;
  if (language === 'fr') {
    const where = `processus ${holder?.pid ?? '?'}${elsewhere ? `, sur l’ordinateur « ${elsewhere} »` : ''}`;
    return `Ce dossier de données est déjà ouvert par ${who} (${where}). Fermez d’abord cet autre Médiane, puis relancez celui-ci ; rien n’a été modifié.`;
  }
  const where = `process ${holder?.pid ?? '?'}${elsewhere ? `, on the computer "${elsewhere}"` : ''}`;
  return `This data folder is already open in ${who} (${where}). Close that other Médiane first, then start this one again; nothing was changed.`;
};

const MESSAGES: Record<string, Message> = {
  'storage.newerVersion': fixed(
    'Ce dossier de données a été écrit par une version plus récente de Médiane. Mettez Médiane à jour ; le fichier n’a pas été modifié.',
    'This data folder was written by a newer version of Médiane. Update Médiane; the file was not changed.',
  ),
  'storage.migrationTampered': fixed(
    'La base de données de ce dossier ne correspond pas à cette version de Médiane. Le fichier n’a pas été modifié.',
    'The database in this data folder does not match this version of Médiane. The file was not changed.',
  ),
  'storage.migrationFailed': fixed(
    'Cette version de Médiane n’a pas pu mettre à jour la base de données de ce dossier. Le fichier n’a pas été modifié : reprenez la version précédente de Médiane et signalez le problème.',
    'This version of Médiane could not upgrade the database in this data folder. The file was not changed: go back to the previous version of Médiane and report the problem.',
  ),
  'storage.locked': locked,
};

/** The message for a startup failure, or null when the error is not one the core names. */
export function startupErrorMessage(err: unknown, language: Language): string | null {
  const e = err as { messageKey?: string; details?: unknown } | null;
  const message = e?.messageKey ? MESSAGES[e.messageKey] : undefined;
  return message ? message(e!.details, language) : null;
}
