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
    recovered: 'La base de données était endommagée. Médiane a restauré la sauvegarde {{name}}. Les séances enregistrées depuis cette sauvegarde sont conservées à part dans le dossier des données.',
    recoveredNone: 'La base de données était endommagée et aucune sauvegarde n’était disponible. Médiane repart d’un journal vide ; l’ancien fichier est conservé à part dans le dossier des données.',
    integrityFailed: 'Le contrôle d’intégrité des données a échoué. Au prochain démarrage, Médiane restaurera la dernière sauvegarde valide.',
  },
  fatal: {
    title: 'Médiane ne peut pas ouvrir ses données',
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
    recovered: 'The database was damaged. Médiane restored the backup {{name}}. Sessions saved since that backup are kept aside in the data folder.',
    recoveredNone: 'The database was damaged and no backup was available. Médiane starts from an empty journal; the old file is kept aside in the data folder.',
    integrityFailed: 'The data integrity check failed. At the next start, Médiane will restore the latest good backup.',
  },
  fatal: {
    title: 'Médiane cannot open its data',
  },
  footer: {
    version: 'Version {{version}}',
    taxonomy: 'Vocabulary {{version}}',
    offline: 'Works offline: your data stays on this computer.',
  },
};
