// What a host says when the core cannot open the desk's data, before any screen exists to translate it.
// Shared by the Electron shell (a dialog, in the system's language) and the browser-mode command line.
const MESSAGES: Record<string, { fr: string; en: string }> = {
  'storage.newerVersion': {
    fr: 'Ce dossier de données a été écrit par une version plus récente de Médiane. Mettez Médiane à jour ; le fichier n’a pas été modifié.',
    en: 'This data folder was written by a newer version of Médiane. Update Médiane; the file was not changed.',
  },
  'storage.migrationTampered': {
    fr: 'La base de données de ce dossier ne correspond pas à cette version de Médiane. Le fichier n’a pas été modifié.',
    en: 'The database in this data folder does not match this version of Médiane. The file was not changed.',
  },
};

/** The message for a startup failure, or null when the error is not one the core names. */
export function startupErrorMessage(err: unknown, language: 'fr' | 'en'): string | null {
  const key = (err as { messageKey?: string } | null)?.messageKey;
  return key && MESSAGES[key] ? MESSAGES[key][language] : null;
}
