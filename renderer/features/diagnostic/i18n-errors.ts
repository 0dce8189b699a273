// Texts of the core's refusals for the diagnosis (keys "diagnostic.…"), filed by the shell under the "errors" namespace.
export const fr = {
  nameTooLong: 'Le nom de l’entreprise est trop long (120 caractères au plus).',
  nafInvalid: 'Choisissez l’activité dans la liste (code NAF).',
  sizeRequired: 'Choisissez la taille de l’entreprise.',
  departementInvalid: 'Choisissez le département dans la liste.',
  vatRequired: 'Choisissez le statut de TVA (ou « Je ne sais pas »).',
  customerMixRequired: 'Choisissez le type de clients (ou « Je ne sais pas »).',
  siretInvalid: 'Ce numéro n’est pas valide : 9 chiffres (SIREN) ou 14 chiffres (SIRET), clé de contrôle comprise.',
  answerInvalid: 'Cette réponse n’est pas possible pour cette question.',
  tooManyAnswers: 'Trop de réponses envoyées en une fois.',
  notFound: 'Ce diagnostic n’existe pas ou a été supprimé.',
  versionUnknown: 'Ce diagnostic a été rempli avec une version plus récente du questionnaire : mettez Médiane à jour.',
  businessRequired: 'Décrivez d’abord l’entreprise.',
};

export const en: typeof fr = {
  nameTooLong: 'The business name is too long (120 characters at most).',
  nafInvalid: 'Choose the activity from the list (NAF code).',
  sizeRequired: 'Choose the size of the business.',
  departementInvalid: 'Choose the département from the list.',
  vatRequired: 'Choose the VAT status (or “Don’t know”).',
  customerMixRequired: 'Choose the kind of customers (or “Don’t know”).',
  siretInvalid: 'This number is not valid: 9 digits (SIREN) or 14 digits (SIRET), check digit included.',
  answerInvalid: 'This answer is not possible for this question.',
  tooManyAnswers: 'Too many answers sent at once.',
  notFound: 'This diagnosis does not exist or was deleted.',
  versionUnknown: 'This diagnosis was filled in with a newer version of the questionnaire: update Médiane.',
  businessRequired: 'Describe the business first.',
};
