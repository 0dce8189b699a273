// Texts of the core's refusals for this feature (keys "transfer.…"), filed by the shell under the "errors" namespace.
export const fr = {
  passphraseTooShort: 'La phrase de passe doit compter au moins 10 caractères.',
  foreignFile: 'Ce fichier n’est pas un fichier de lieu Médiane. Rien n’a été modifié.',
  truncatedFile:
    'Ce fichier est incomplet (copie interrompue ?). Rien n’a été modifié ; copiez-le de nouveau depuis l’ancien poste.',
  damagedFile:
    'Ce fichier est endommagé ou a été modifié. Rien n’a été modifié ; refaites l’export sur l’ancien poste.',
  wrongPassphrase: 'La phrase de passe ne correspond pas à ce fichier. Rien n’a été modifié.',
  newerVersion:
    'Ce fichier vient d’une version plus récente de Médiane. Mettez Médiane à jour sur ce poste, puis recommencez.',
  notFirstRun:
    'Ce poste contient déjà un lieu ou des séances : la reprise d’un lieu n’est possible qu’au premier démarrage.',
  busy: 'Une reprise de lieu est déjà en cours.',
  integrityFailed: 'Les données de ce fichier ne passent pas le contrôle d’intégrité. Rien n’a été modifié.',
};

export const en: typeof fr = {
  passphraseTooShort: 'The passphrase must be at least 10 characters long.',
  foreignFile: 'This is not a Médiane desk file. Nothing was changed.',
  truncatedFile:
    'This file is incomplete (an interrupted copy?). Nothing was changed; copy it again from the old computer.',
  damagedFile: 'This file is damaged or was altered. Nothing was changed; export it again on the old computer.',
  wrongPassphrase: 'The passphrase does not match this file. Nothing was changed.',
  newerVersion: 'This file comes from a newer version of Médiane. Update Médiane on this computer, then try again.',
  notFirstRun: 'This computer already holds a site or sessions: a desk can only be restored at first start.',
  busy: 'A desk restore is already running.',
  integrityFailed: 'The data in this file fails the integrity check. Nothing was changed.',
};
