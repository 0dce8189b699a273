// Messages for every error key the core and the contract can send (see shared/errors.ts and the zod schemas).
export const fr = {
  code: {
    invalid_input: 'Certaines informations ne sont pas valides. Rien n’a été enregistré.',
    not_found: 'Cet élément est introuvable : il a peut-être été supprimé.',
    setup_required: 'Le lieu doit d’abord être configuré.',
    conflict: 'Cet élément a été modifié entre-temps. Rechargez puis recommencez.',
    unknown_method: 'Action inconnue.',
    forbidden: 'Action refusée : la page n’est pas autorisée à joindre Médiane.',
    storage_unavailable: 'Les données de Médiane sont indisponibles pour le moment.',
    internal: 'Une erreur inattendue est survenue. Rien n’a été enregistré ; réessayez.',
  },
  errors: {
    tooLarge: 'La demande est trop volumineuse.',
    notJson: 'La demande est illisible.',
    hostUnreachable: 'Médiane ne répond pas. Vérifiez que l’application est toujours ouverte.',
    launchRequired:
      'Cette page n’est pas reliée à Médiane. Ouvrez Médiane depuis son lanceur, ou redémarrez-la : un lien d’ouverture ne sert qu’une fois.',
  },
  invalid: {
    invalid_type: 'Ce champ est obligatoire ou mal rempli.',
    invalid_value: 'Choisissez une valeur dans la liste.',
    too_big: 'Valeur trop grande ou texte trop long.',
    too_small: 'Valeur trop petite ou champ vide.',
    invalid_format: 'Format non valide.',
    unrecognized_keys: 'Informations inattendues.',
    custom: 'Valeur non valide.',
    invalid_union: 'Valeur non valide.',
    invalid_key: 'Valeur non valide.',
    invalid_element: 'Valeur non valide.',
    not_multiple_of: 'Valeur non valide.',
  },
  storage: {
    newerVersion:
      'Ces données ont été écrites par une version plus récente de Médiane. Mettez Médiane à jour : le fichier n’a pas été modifié.',
    migrationTampered: 'La structure de la base de données ne correspond pas à cette version de Médiane.',
    integrityFailed:
      'Les données de ce poste semblent endommagées : rien n’a été enregistré. Redémarrez Médiane pour restaurer la dernière sauvegarde valide.',
  },
  files: {
    expired: 'Le choix du fichier a expiré. Choisissez le fichier de nouveau.',
    unreadable: 'Ce fichier ne peut pas être lu.',
    uploadInstead: 'Dans le navigateur, envoyez le fichier depuis le formulaire.',
    tooLarge: 'Ce fichier est trop volumineux.',
    uploadIncomplete: 'L’envoi du fichier a été interrompu. Recommencez.',
  },
  print: {
    unavailable: 'Ici, imprimez avec la fenêtre d’impression du navigateur (choisissez « Enregistrer au format PDF »).',
    failed: 'Le PDF n’a pas pu être créé. Rien n’a été enregistré ; réessayez.',
  },
  jobs: {
    notFound: 'Cette opération est terminée depuis longtemps ou n’existe pas.',
    closing: 'Médiane se ferme : l’opération n’a pas été lancée.',
  },
};

export const en: typeof fr = {
  code: {
    invalid_input: 'Some information is not valid. Nothing was saved.',
    not_found: 'This item cannot be found: it may have been deleted.',
    setup_required: 'The site must be set up first.',
    conflict: 'This item was changed in the meantime. Reload and try again.',
    unknown_method: 'Unknown action.',
    forbidden: 'Action refused: this page is not allowed to reach Médiane.',
    storage_unavailable: 'Médiane’s data is unavailable for now.',
    internal: 'Something unexpected went wrong. Nothing was saved; please try again.',
  },
  errors: {
    tooLarge: 'The request is too large.',
    notJson: 'The request cannot be read.',
    hostUnreachable: 'Médiane is not answering. Check that the application is still open.',
    launchRequired:
      'This page is not connected to Médiane. Open Médiane from its launcher, or restart it: an opening link works only once.',
  },
  invalid: {
    invalid_type: 'This field is required or not filled in correctly.',
    invalid_value: 'Choose a value from the list.',
    too_big: 'Value too large or text too long.',
    too_small: 'Value too small or field empty.',
    invalid_format: 'Invalid format.',
    unrecognized_keys: 'Unexpected information.',
    custom: 'Invalid value.',
    invalid_union: 'Invalid value.',
    invalid_key: 'Invalid value.',
    invalid_element: 'Invalid value.',
    not_multiple_of: 'Invalid value.',
  },
  storage: {
    newerVersion: 'This data was written by a newer version of Médiane. Update Médiane: the file was not changed.',
    migrationTampered: 'The database structure does not match this version of Médiane.',
    integrityFailed:
      'This computer’s data looks damaged: nothing was saved. Restart Médiane to restore the latest good backup.',
  },
  files: {
    expired: 'The file choice has expired. Choose the file again.',
    unreadable: 'This file cannot be read.',
    uploadInstead: 'In the browser, send the file from the form.',
    tooLarge: 'This file is too large.',
    uploadIncomplete: 'Sending the file was interrupted. Try again.',
  },
  print: {
    unavailable: 'Here, print with the browser’s print window (choose “Save as PDF”).',
    failed: 'The PDF could not be created. Nothing was saved; try again.',
  },
  jobs: {
    notFound: 'This operation ended long ago or does not exist.',
    closing: 'Médiane is closing: the operation was not started.',
  },
};
