// Texts of the core's refusals for this feature (keys "content.…"), filed by the shell under the "errors" namespace.
// Each reason a pack is refused has its own words: the person knows what to ask the network for.
export const fr = {
  notJson: 'Ce fichier n’est pas un paquet de contenus : choisissez le fichier .json reçu de votre réseau.',
  malformed:
    'Ce fichier n’est pas un paquet de contenus valide (format inconnu, ou un chemin qui sort du paquet). Rien n’a été installé.',
  tooLarge: 'Ce fichier est trop volumineux pour être un paquet de contenus. Rien n’a été installé.',
  foreignKey:
    'Ce paquet est signé par un éditeur que ce poste ne connaît pas. Il a été refusé : demandez un paquet officiel à votre réseau.',
  badSignature:
    'La signature de ce paquet ne correspond pas : il a été modifié après sa signature, ou signé par une autre clé. Il a été refusé.',
  hashMismatch:
    'Un fichier de ce paquet a été modifié ou abîmé depuis sa signature. Le paquet a été refusé ; les contenus en service restent.',
  missingFile: 'Il manque un fichier à ce paquet (copie incomplète ?). Il a été refusé.',
  extraFile: 'Ce paquet contient un fichier qui n’est pas dans sa liste signée. Il a été refusé.',
  rolledBack:
    'Ce paquet est plus ancien que la version en service : l’installer ferait revenir en arrière. Il a été refusé.',
  alreadyInstalled: 'Cette version est déjà en service sur ce poste : rien à faire.',
  expiredOlder:
    'Ce paquet est périmé et plus ancien que la version en service. Il a été refusé ; demandez la dernière version à votre réseau.',
  invalidGuides:
    'Le paquet est bien signé mais un de ses guides n’est pas au bon format. Rien n’a été installé : signalez-le à votre réseau.',
  noArchives: 'Ce paquet de catalogue ne contient aucune archive service-public.fr (.zip). Rien n’a été installé.',
  channelUnsupported:
    'Ce poste ne sait pas encore installer ce type de contenu (le questionnaire du diagnostic arrive avec les mises à jour de l’application).',
  wrongChannel: 'Le hub a répondu par un paquet d’un autre type que celui demandé. Il a été refusé.',
  busy: 'Une installation est déjà en cours. Attendez qu’elle se termine.',
  rollbackUnsupported:
    'Ce contenu ne peut pas revenir en arrière d’un clic : installez à nouveau le paquet de la version voulue depuis son fichier.',
  nothingToRollBack: 'Aucun paquet n’est en service pour ce contenu : il n’y a pas de version précédente.',
  cancelled: 'Installation annulée : les contenus en service restent.',
  notEnrolled: 'Ce poste n’est pas inscrit auprès d’un hub : inscrivez-le dans l’écran « Synchronisation ».',
  hubUnreachable:
    'Le hub ne répond pas. Vérifiez la connexion à Internet (ou le proxy), puis recommencez. Rien n’a été modifié.',
  hubRefused: 'Le hub refuse la clé de ce poste (révoquée ?). Demandez à votre coordinateur.',
  hubFailed: 'Le hub a répondu par une erreur. Réessayez plus tard ; rien n’a été modifié.',
};

export const en: typeof fr = {
  notJson: 'This file is not a content pack: choose the .json file your network sent.',
  malformed:
    'This file is not a valid content pack (unknown format, or a path leaving the pack). Nothing was installed.',
  tooLarge: 'This file is too large to be a content pack. Nothing was installed.',
  foreignKey:
    'This pack is signed by a publisher this computer does not know. It was refused: ask your network for an official pack.',
  badSignature:
    'This pack’s signature does not match: it was changed after signing, or signed with another key. It was refused.',
  hashMismatch:
    'A file of this pack was changed or damaged since it was signed. The pack was refused; the content in use stays.',
  missingFile: 'A file of this pack is missing (incomplete copy?). It was refused.',
  extraFile: 'This pack holds a file that is not in its signed list. It was refused.',
  rolledBack: 'This pack is older than the version in use: installing it would go backwards. It was refused.',
  alreadyInstalled: 'This version is already in use on this computer: nothing to do.',
  expiredOlder:
    'This pack is out of date and older than the version in use. It was refused; ask your network for the latest version.',
  invalidGuides:
    'The pack is properly signed but one of its guides is not in the right format. Nothing was installed: tell your network.',
  noArchives: 'This catalogue pack holds no service-public.fr archive (.zip). Nothing was installed.',
  channelUnsupported:
    'This computer cannot install this kind of content yet (the diagnosis questionnaire comes with application updates).',
  wrongChannel: 'The hub answered with a pack of another kind than the one asked for. It was refused.',
  busy: 'An installation is already running. Wait until it ends.',
  rollbackUnsupported:
    'This content cannot go back in one click: install the wanted version’s pack again from its file.',
  nothingToRollBack: 'No pack is in use for this content: there is no previous version.',
  cancelled: 'Installation cancelled: the content in use stays.',
  notEnrolled: 'This computer is not enrolled with a hub: enrol it on the “Synchronisation” screen.',
  hubUnreachable:
    'The hub does not answer. Check the Internet connection (or the proxy), then try again. Nothing was changed.',
  hubRefused: 'The hub refuses this computer’s key (revoked?). Ask your coordinator.',
  hubFailed: 'The hub answered with an error. Try again later; nothing was changed.',
};
