// Texts of the core's refusals for this feature (keys "exports.…"), filed by the shell under the "errors" namespace.
export const fr = {
  periodReversed: 'La date de fin doit être après la date de début.',
  tooLargeForOds:
    'Cette période est trop grande pour un fichier ODS (plus de 4 Go). Choisissez une période plus courte ou le format CSV.',
  tooLargeForXlsx:
    'Cette période est trop grande pour un fichier XLSX (plus de 4 Go). Choisissez une période plus courte ou le format CSV.',
  fileUnreadable: 'Ce fichier ne peut pas être lu : choisissez un export de l’outil national au format XLSX ou CSV.',
  columnsMissing:
    'Ce fichier n’a pas les colonnes de l’export des activités de l’outil national (Date, Type, Durée, ID…). Rien n’a été importé.',
  columnMissing: 'Colonne absente',
  planExpired: 'Cet aperçu n’est plus valable (déjà importé ou trop ancien) : choisissez à nouveau le fichier.',
  rowDate: 'Date illisible (attendu : JJ/MM/AAAA)',
  rowKind: 'Type inconnu (attendu : Accompagnement individuel ou Atelier collectif)',
  rowDuration: 'Durée illisible (attendu : un nombre de minutes)',
  rowTopics: 'Aucune thématique reconnue',
  rowParticipants: 'Nombre de participants illisible',
  rowWorkshopMismatch: 'Les lignes de cet atelier ne concordent pas (date ou nombre de participants différents)',
  rowInvalid: 'Ligne incomplète ou incohérente',
};

export const en: typeof fr = {
  periodReversed: 'The end date must come after the start date.',
  tooLargeForOds: 'This period is too large for an ODS file (over 4 GB). Choose a shorter period or the CSV format.',
  tooLargeForXlsx: 'This period is too large for an XLSX file (over 4 GB). Choose a shorter period or the CSV format.',
  fileUnreadable: 'This file cannot be read: choose an export of the national tool in XLSX or CSV format.',
  columnsMissing:
    'This file does not have the columns of the national tool’s activity export (Date, Type, Durée, ID…). Nothing was imported.',
  columnMissing: 'Missing column',
  planExpired: 'This preview is no longer valid (already imported or too old): choose the file again.',
  rowDate: 'Unreadable date (expected: DD/MM/YYYY)',
  rowKind: 'Unknown type (expected: Accompagnement individuel or Atelier collectif)',
  rowDuration: 'Unreadable duration (expected: a number of minutes)',
  rowTopics: 'No known topic',
  rowParticipants: 'Unreadable number of participants',
  rowWorkshopMismatch: 'The rows of this workshop do not agree (different date or number of participants)',
  rowInvalid: 'Incomplete or inconsistent row',
};
