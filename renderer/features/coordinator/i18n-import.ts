// Texts of the snapshot file import (ImportSnapshotFile.tsx), merged into the "coordinator" namespace by index.ts.
export const fr = {
  title: 'Importer un fichier de bureau',
  intro:
    'Un lieu qui n’atteint jamais le hub exporte ses statistiques dans un fichier signé (écran Synchronisation du poste). Choisissez ce fichier : le hub vérifie qu’il vient bien de ce poste et qu’il n’a pas été modifié, puis l’enregistre en entier, ou le refuse en entier. Un fichier importé deux fois n’est compté qu’une fois.',
  action: 'Importer un fichier de bureau',
  sending: 'Envoi du fichier au hub…',
  done_one:
    'Fichier de {{site}} ({{departement}}), exporté le {{when}}, accepté par le hub : {{count}} période enregistrée.',
  done_other:
    'Fichier de {{site}} ({{departement}}), exporté le {{when}}, accepté par le hub : {{count}} périodes enregistrées.',
  caption: 'Accusés de réception du hub pour {{site}}',
  period: 'Période',
  version: 'Version',
  outcome: 'Résultat',
  status: {
    stored: 'Enregistrée',
    duplicate: 'Déjà reçue (comptée une seule fois)',
    superseded: 'Remplacée : le hub a déjà une version plus récente',
  },
};

export const en: typeof fr = {
  title: 'Import a desk file',
  intro:
    'A site that never reaches the hub exports its statistics to a signed file (the desk’s Synchronisation screen). Choose that file: the hub checks that it comes from that desk and was not changed, then stores it whole, or refuses it whole. A file imported twice counts once.',
  action: 'Import a desk file',
  sending: 'Sending the file to the hub…',
  done_one: 'File of {{site}} ({{departement}}), exported on {{when}}, accepted by the hub: {{count}} period stored.',
  done_other:
    'File of {{site}} ({{departement}}), exported on {{when}}, accepted by the hub: {{count}} periods stored.',
  caption: 'The hub’s receipts for {{site}}',
  period: 'Period',
  version: 'Version',
  outcome: 'Outcome',
  status: {
    stored: 'Stored',
    duplicate: 'Already received (counted once)',
    superseded: 'Superseded: the hub already has a newer version',
  },
};

// The hub's refusals of a snapshot file (keys "coordinator.file…" of the "errors" namespace).
export const errorsFr = {
  fileUnsigned:
    'Ce fichier n’est pas signé : il vient d’un poste d’une version plus ancienne. Faites mettre à jour le poste, inscrivez-le à nouveau auprès du hub, puis exportez un nouveau fichier.',
  fileDeskWithoutKey:
    'Ce poste a été inscrit avant que les fichiers soient signés : le hub ne peut pas vérifier son fichier. Donnez-lui un nouveau code d’inscription, puis demandez un nouveau fichier.',
  fileTampered:
    'La signature ne correspond pas : le fichier a été modifié après son export, ou ne vient pas de ce poste. Rien n’a été enregistré. Demandez un nouvel export au lieu.',
  fileUnknownDesk: 'Ce hub ne connaît pas le poste qui a écrit ce fichier (il est peut-être inscrit sur un autre hub).',
  fileRevokedDesk: 'Le poste qui a écrit ce fichier a été révoqué sur le hub : ses chiffres ne sont plus acceptés.',
  fileOutsideScope: 'Ce fichier vient d’un lieu qui ne fait pas partie de votre périmètre : le hub le refuse.',
  fileRuleBroken:
    'Une période du fichier ne respecte pas la règle de confidentialité du hub : le fichier entier est refusé, rien n’a été enregistré.',
  fileConflict:
    'Le hub a déjà reçu cette version d’une période avec d’autres chiffres : le fichier entier est refusé. Prévenez l’administrateur du hub.',
  fileMalformed: 'Ce n’est pas un fichier de statistiques Médiane, ou il est abîmé.',
  fileTooLarge: 'Ce fichier est trop gros pour être un fichier de statistiques Médiane.',
};

export const errorsEn: typeof errorsFr = {
  fileUnsigned:
    'This file is not signed: it comes from a desk of an older version. Have the desk updated, enroll it again with the hub, then export a new file.',
  fileDeskWithoutKey:
    'This desk was enrolled before files were signed: the hub cannot check its file. Give it a new enrollment code, then ask for a new file.',
  fileTampered:
    'The signature does not match: the file was changed after it was exported, or does not come from that desk. Nothing was stored. Ask the site for a new export.',
  fileUnknownDesk: 'This hub does not know the desk that wrote this file (it may be enrolled with another hub).',
  fileRevokedDesk: 'The desk that wrote this file was revoked on the hub: its figures are no longer accepted.',
  fileOutsideScope: 'This file comes from a site outside your scope: the hub refuses it.',
  fileRuleBroken: 'A period of the file breaks the hub’s privacy rule: the whole file is refused, nothing was stored.',
  fileConflict:
    'The hub already received this version of a period with other figures: the whole file is refused. Tell the hub’s administrator.',
  fileMalformed: 'This is not a Médiane statistics file, or it is damaged.',
  fileTooLarge: 'This file is too large to be a Médiane statistics file.',
};
