// Texts of the core's refusals for this feature (keys "coordinator.…"), filed by the shell under the "errors" namespace.
export const fr = {
  hubUrlRequired: 'Indiquez l’adresse du hub (elle commence par https://).',
  hubUrlInvalid: 'Cette adresse n’est pas valide. Exemple : https://stats.mon-reseau.fr',
  credentialInvalid:
    'La clé de coordination commence par « mdn_coord_ » : copiez-la en entier, telle que l’administrateur du hub l’a donnée.',
  monthInvalid: 'Choisissez un mois.',
  periodReversed: 'Le mois de fin doit venir après le mois de début.',
  siteInvalid: 'Ce lieu n’est pas reconnu.',
  hubUnreachable:
    'Le hub ne répond pas. Vérifiez l’adresse et la connexion à Internet (ou le proxy), puis recommencez. Rien n’a été modifié.',
  credentialRefused:
    'Le hub refuse cette clé : elle est inconnue, a été révoquée ou remplacée. Demandez une nouvelle clé à l’administrateur du hub.',
  notCoordinator:
    'Cette clé n’est pas une clé de coordination (c’est peut-être celle d’un poste). Demandez une clé de coordination à l’administrateur du hub.',
  outsideScope: 'Ce lieu ne fait pas partie de votre périmètre : le hub ne montre pas ses chiffres.',
  tooManyRequests: 'Trop de demandes en peu de temps. Attendez une minute, puis recommencez.',
  hubError: 'Le hub a rencontré un problème. Recommencez plus tard ; si cela dure, prévenez son administrateur.',
  notAHub: 'L’adresse répond, mais ce n’est pas un hub Médiane (un portail ou un proxy peut-être). Vérifiez l’adresse.',
  credentialUnavailable:
    'Le trousseau de ce poste n’est pas disponible pour garder la clé de coordination. Demandez à votre service informatique.',
  notConnected: 'Ce poste n’est pas connecté à un hub en mode coordination.',
};

export const en: typeof fr = {
  hubUrlRequired: 'Enter the hub’s address (it starts with https://).',
  hubUrlInvalid: 'This address is not valid. Example: https://stats.my-network.fr',
  credentialInvalid:
    'The coordination key starts with “mdn_coord_”: copy all of it, as the hub’s administrator gave it.',
  monthInvalid: 'Choose a month.',
  periodReversed: 'The end month must come after the start month.',
  siteInvalid: 'This site is not recognised.',
  hubUnreachable:
    'The hub does not answer. Check the address and the Internet connection (or the proxy), then try again. Nothing was changed.',
  credentialRefused:
    'The hub refuses this key: it is unknown, revoked or replaced. Ask the hub’s administrator for a new key.',
  notCoordinator:
    'This key is not a coordination key (it may be a desk’s). Ask the hub’s administrator for a coordination key.',
  outsideScope: 'This site is not in your scope: the hub does not show its figures.',
  tooManyRequests: 'Too many requests in a short time. Wait a minute, then try again.',
  hubError: 'The hub ran into a problem. Try again later; if it lasts, tell its administrator.',
  notAHub: 'The address answers, but it is not a Médiane hub (a portal or a proxy, perhaps). Check the address.',
  credentialUnavailable:
    'This computer’s keychain is not available to keep the coordination key. Ask your IT department.',
  notConnected: 'This computer is not connected to a hub in coordination mode.',
};
