// Texts of the core's refusals for this feature (keys "sync.…"), filed by the shell under the "errors" namespace.
export const fr = {
  hubUrlRequired: 'Indiquez l’adresse du hub (elle commence par https://).',
  hubUrlInvalid: 'Cette adresse n’est pas valide. Exemple : https://stats.mon-reseau.fr',
  hubUrlNotHttps: 'L’adresse du hub doit commencer par https:// (connexion chiffrée).',
  codeInvalid: 'Le code d’inscription compte de 8 à 40 lettres, chiffres ou tirets.',
  codeRefused:
    'Le hub refuse ce code : il est inconnu, déjà utilisé ou expiré. Demandez un nouveau code à votre coordinateur.',
  tooManyTries: 'Trop d’essais en peu de temps. Attendez une minute, puis recommencez.',
  hubUnreachable:
    'Le hub ne répond pas. Vérifiez l’adresse et la connexion à Internet (ou le proxy), puis recommencez. Rien n’a été modifié.',
  credentialUnavailable:
    'Le trousseau de ce poste n’est pas disponible pour garder la clé du hub. Demandez à votre service informatique.',
  notEnrolled: 'Ce poste n’est pas encore inscrit auprès d’un hub.',
  periodNotClosed: 'Cette période n’est pas encore close.',
  nothingToCorrect: 'Les chiffres de cette période n’ont pas changé depuis son envoi : il n’y a rien à corriger.',
  notInQueue: 'Cet envoi n’est plus dans la file.',
  nothingToExport: 'Aucun envoi en attente : il n’y a rien à exporter.',
  noSigningKey:
    'Ce poste a été inscrit avant que les fichiers soient signés : le hub refuserait son fichier. Demandez un nouveau code d’inscription à votre coordinateur et inscrivez le poste à nouveau.',
  graceDaysInvalid: 'Indiquez un nombre de jours entre 0 et 60.',
  ruleBroken: 'Le résumé de cette période ne respecte pas la règle de confidentialité : il n’a pas été mis en file.',
};

export const en: typeof fr = {
  hubUrlRequired: 'Enter the hub’s address (it starts with https://).',
  hubUrlInvalid: 'This address is not valid. Example: https://stats.my-network.fr',
  hubUrlNotHttps: 'The hub’s address must start with https:// (encrypted connection).',
  codeInvalid: 'The enrollment code has 8 to 40 letters, digits or dashes.',
  codeRefused: 'The hub refuses this code: unknown, already used or expired. Ask your coordinator for a new code.',
  tooManyTries: 'Too many tries in a short time. Wait a minute, then try again.',
  hubUnreachable:
    'The hub does not answer. Check the address and the Internet connection (or the proxy), then try again. Nothing was changed.',
  credentialUnavailable: 'This computer’s keychain is not available to keep the hub key. Ask your IT department.',
  notEnrolled: 'This desk is not enrolled with a hub yet.',
  periodNotClosed: 'This period is not closed yet.',
  nothingToCorrect: 'This period’s figures have not changed since it was sent: there is nothing to correct.',
  notInQueue: 'This item is no longer in the queue.',
  nothingToExport: 'Nothing is waiting to be sent: there is nothing to export.',
  noSigningKey:
    'This desk was enrolled before files were signed: the hub would refuse its file. Ask your coordinator for a new enrollment code and enroll the desk again.',
  graceDaysInvalid: 'Enter a number of days between 0 and 60.',
  ruleBroken: 'This period’s summary breaks the privacy rule: it was not queued.',
};
