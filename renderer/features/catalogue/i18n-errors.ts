// Texts of the core's refusals for this feature (keys "catalogue.…"), filed by the shell under the "errors" namespace.
export const fr = {
  notZip: 'Ce fichier n’est pas une archive zip. Le catalogue actuel reste en place.',
  damaged:
    'Cette archive est endommagée ou incomplète (téléchargement interrompu ?). Le catalogue actuel reste en place ; téléchargez-la de nouveau.',
  notServicePublic:
    'Cette archive ne contient pas les fiches « Vos droits et démarches » de service-public.fr. Le catalogue actuel reste en place.',
  unsupportedVersion:
    'Cette archive utilise une version du format que Médiane ne lit pas (seules les versions 3.3 et 3.4 sont acceptées). Le catalogue actuel reste en place.',
  tooLarge: 'Cette archive est plus volumineuse que ce que Médiane accepte. Le catalogue actuel reste en place.',
  suspiciousCompression:
    'Cette archive est compressée de façon anormale (archive piégée ?) : elle est refusée. Le catalogue actuel reste en place.',
  tooManyFiles: 'Cette archive contient trop de fichiers pour être un catalogue. Le catalogue actuel reste en place.',
  empty: 'Cette archive est vide. Le catalogue actuel reste en place.',
  busy: 'Une importation du catalogue est déjà en cours.',
  tooManyArchives: 'Choisissez au plus trois archives (particuliers, professionnels, associations).',
  entryNotFound: 'Cette fiche n’est pas dans le catalogue installé sur ce poste.',
  badId: 'Cet identifiant de fiche n’est pas valide.',
};

export const en: typeof fr = {
  notZip: 'This file is not a zip archive. The current catalogue stays in place.',
  damaged:
    'This archive is damaged or incomplete (an interrupted download?). The current catalogue stays in place; download it again.',
  notServicePublic:
    'This archive does not hold the service-public.fr “Vos droits et démarches” files. The current catalogue stays in place.',
  unsupportedVersion:
    'This archive uses a version of the format Médiane cannot read (only versions 3.3 and 3.4 are accepted). The current catalogue stays in place.',
  tooLarge: 'This archive is larger than Médiane accepts. The current catalogue stays in place.',
  suspiciousCompression:
    'This archive is compressed abnormally (a booby-trapped archive?): it is refused. The current catalogue stays in place.',
  tooManyFiles: 'This archive holds too many files to be a catalogue. The current catalogue stays in place.',
  empty: 'This archive is empty. The current catalogue stays in place.',
  busy: 'A catalogue import is already running.',
  tooManyArchives: 'Choose three archives at most (particuliers, professionnels, associations).',
  entryNotFound: 'This fiche is not in the catalogue installed on this computer.',
  badId: 'This fiche identifier is not valid.',
};
