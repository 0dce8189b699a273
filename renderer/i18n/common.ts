export const fr = {
  appName: 'Médiane',
  tagline: 'Le carnet des lieux de médiation',
  skipToContent: 'Aller au contenu',
  nav: { label: 'Menu principal' },
  language: { label: 'Langue', fr: 'Français', en: 'English', switchTo: 'Passer en anglais (English)' },
  communes: { none: 'Aucune commune trouvée' },
  loading: 'Chargement…',
  retry: 'Réessayer',
  cancel: 'Annuler',
  save: 'Enregistrer',
  close: 'Fermer',
  print: {
    button: 'Imprimer ou enregistrer en PDF',
    busy: 'Création du PDF…',
    saved: 'PDF enregistré : {{name}}.',
  },
  notices: { close: 'Masquer le message' },
  duration: {
    minutes: '{{m}} min',
    hours: '{{h}} h',
    hoursMinutes: '{{h}} h {{mm}}',
  },
  errorSummary: {
    listLabel: 'Points à corriger',
    fieldLink: '{{field}} : {{message}}',
  },
  storage: {
    recovered:
      'La base de données était endommagée. Médiane a restauré la sauvegarde {{name}}. Les séances enregistrées depuis cette sauvegarde sont conservées à part dans le dossier des données.',
    recoveredNone:
      'La base de données était endommagée et aucune sauvegarde n’était disponible. Médiane repart d’un journal vide ; l’ancien fichier est conservé à part dans le dossier des données.',
    integrityFailed:
      'Le contrôle d’intégrité des données a échoué. Au prochain démarrage, Médiane restaurera la dernière sauvegarde valide.',
  },
  jobs: {
    cancel: 'Annuler',
    cancelling: 'Annulation…',
    percent: '{{percent}} %',
    phase: {
      starting: 'Démarrage…',
      erasing: 'Effacement des détails anciens…',
      cancelling: 'Annulation en cours…',
      snapshot: 'Copie des données…',
      deriving: 'Préparation du chiffrement…',
      encrypting: 'Chiffrement et écriture du fichier…',
      finishing: 'Finalisation du fichier…',
      reading: 'Lecture du fichier…',
      decrypting: 'Déchiffrement…',
      checking: 'Vérification de l’intégrité des données…',
      migrating: 'Mise à jour du format des données…',
      replacing: 'Installation des données sur ce poste…',
      backingUp: 'Sauvegarde en cours…',
    },
    ended: {
      done: 'Terminé.',
      cancelled: 'Annulé : rien n’a été modifié.',
      failed: 'Échec : {{reason}}',
    },
  },
  fatal: {
    title: 'Médiane ne peut pas ouvrir ses données',
  },
  shortcuts: {
    open: 'Raccourcis clavier',
    title: 'Raccourcis clavier',
    intro: 'Ces raccourcis fonctionnent sur l’écran affiché.',
    keys: 'Touches',
    action: 'Action',
    close: 'Fermer',
    inFields:
      'Pendant la saisie dans un champ, seuls Ctrl + Entrée et Échap agissent : les autres touches restent au texte.',
    keyNames: { Enter: 'Entrée', Escape: 'Échap' },
    do: { help: 'Afficher cette aide' },
    singleKey: {
      label: 'Raccourcis d’une seule touche (?, 1 à 9, =)',
      hint: 'À désactiver si une touche frappée par mégarde ou la commande vocale déclenche des actions. Les raccourcis avec Alt ou Ctrl, Entrée et Échap restent actifs.',
      on: 'Activés',
      off: 'Désactivés',
      offNotice:
        'Raccourcis d’une seule touche désactivés : ?, 1 à 9 et = n’agissent pas. Cette aide reste accessible par le bouton « Raccourcis clavier » de l’en-tête.',
      offBadge: 'désactivé',
    },
  },
  footer: {
    version: 'Version {{version}}',
    taxonomy: 'Référentiel {{version}}',
    offline: 'Fonctionne sans connexion : vos données restent sur ce poste.',
  },
};

export const en: typeof fr = {
  appName: 'Médiane',
  tagline: 'The help desk companion',
  skipToContent: 'Skip to content',
  nav: { label: 'Main menu' },
  language: { label: 'Language', fr: 'Français', en: 'English', switchTo: 'Passer en français (French)' },
  communes: { none: 'No town found' },
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  save: 'Save',
  close: 'Close',
  print: {
    button: 'Print or save as PDF',
    busy: 'Creating the PDF…',
    saved: 'PDF saved: {{name}}.',
  },
  notices: { close: 'Hide this message' },
  duration: {
    minutes: '{{m}} min',
    hours: '{{h}} h',
    hoursMinutes: '{{h}} h {{mm}}',
  },
  errorSummary: {
    listLabel: 'To correct',
    fieldLink: '{{field}}: {{message}}',
  },
  storage: {
    recovered:
      'The database was damaged. Médiane restored the backup {{name}}. Sessions saved since that backup are kept aside in the data folder.',
    recoveredNone:
      'The database was damaged and no backup was available. Médiane starts from an empty journal; the old file is kept aside in the data folder.',
    integrityFailed: 'The data integrity check failed. At the next start, Médiane will restore the latest good backup.',
  },
  jobs: {
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    percent: '{{percent}}%',
    phase: {
      starting: 'Starting…',
      erasing: 'Erasing old details…',
      cancelling: 'Cancelling…',
      snapshot: 'Copying the data…',
      deriving: 'Preparing the encryption…',
      encrypting: 'Encrypting and writing the file…',
      finishing: 'Finishing the file…',
      reading: 'Reading the file…',
      decrypting: 'Decrypting…',
      checking: 'Checking the data’s integrity…',
      migrating: 'Updating the data format…',
      replacing: 'Installing the data on this computer…',
      backingUp: 'Backing up…',
    },
    ended: {
      done: 'Done.',
      cancelled: 'Cancelled: nothing was changed.',
      failed: 'Failed: {{reason}}',
    },
  },
  fatal: {
    title: 'Médiane cannot open its data',
  },
  shortcuts: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    intro: 'These shortcuts work on the screen shown.',
    keys: 'Keys',
    action: 'Action',
    close: 'Close',
    inFields: 'While typing in a field, only Ctrl + Enter and Escape act: other keys stay with the text.',
    keyNames: { Enter: 'Enter', Escape: 'Esc' },
    do: { help: 'Show this help' },
    singleKey: {
      label: 'Single-key shortcuts (?, 1 to 9, =)',
      hint: 'Turn them off if a key pressed by mistake or voice control sets off actions. Shortcuts with Alt or Ctrl, Enter and Escape stay on.',
      on: 'On',
      off: 'Off',
      offNotice:
        'Single-key shortcuts are off: ?, 1 to 9 and = do nothing. This help stays available from the “Keyboard shortcuts” button in the header.',
      offBadge: 'off',
    },
  },
  footer: {
    version: 'Version {{version}}',
    taxonomy: 'Vocabulary {{version}}',
    offline: 'Works offline: your data stays on this computer.',
  },
};
