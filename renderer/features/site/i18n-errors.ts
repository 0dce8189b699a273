// Texts of the core's refusals for this feature (keys "site.…"), filed by the shell under the "errors" namespace.
export const fr = {
  nameRequired: 'Indiquez le nom du lieu (2 caractères au moins).',
  nameTooLong: 'Le nom du lieu est trop long (120 caractères au plus).',
  communeInvalid: 'Choisissez la commune dans la liste.',
  postcodeInvalid: 'Choisissez le code postal.',
  postcodeNotInCommune: 'Ce code postal ne correspond pas à la commune.',
  streetTooLong: 'L’adresse est trop longue (200 caractères au plus).',
  siretInvalid: 'Ce numéro SIRET n’est pas valide (14 chiffres, clé de contrôle).',
  mediatorNameTooLong: 'Le nom affiché est trop long (80 caractères au plus).',
  setupRequired: 'Le lieu doit d’abord être configuré.',
  exportNeedsStreet: 'Indiquez l’adresse du lieu pour l’exporter.',
  exportNeedsServices: 'Choisissez au moins un service proposé pour exporter le lieu.',
  exportIncomplete: 'La fiche du lieu est incomplète pour le schéma national.',
  exportRejected: 'La fiche du lieu ne respecte pas le schéma national.',
};

export const en: typeof fr = {
  nameRequired: 'Enter the site name (at least 2 characters).',
  nameTooLong: 'The site name is too long (120 characters at most).',
  communeInvalid: 'Choose the town from the list.',
  postcodeInvalid: 'Choose the postcode.',
  postcodeNotInCommune: 'This postcode does not belong to the town.',
  streetTooLong: 'The address is too long (200 characters at most).',
  siretInvalid: 'This SIRET number is not valid (14 digits, check digit).',
  mediatorNameTooLong: 'The display name is too long (80 characters at most).',
  setupRequired: 'The site must be set up first.',
  exportNeedsStreet: 'Enter the site’s street address to export it.',
  exportNeedsServices: 'Choose at least one service offered to export the site.',
  exportIncomplete: 'The site record is incomplete for the national schema.',
  exportRejected: 'The site record does not match the national schema.',
};
