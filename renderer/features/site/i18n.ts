// Texts of the site screens: first-run setup (SetupPage) and "Mon lieu" (SitePage).
// The labels of the national programmes and training labels are not here: they are the national schema's own
// French values (shared/site/schema.ts) and are shown as they are in both languages.
export const fr = {
  nav: { site: 'Mon lieu' },
  shortcuts: { site: 'Aller à « Mon lieu »' },
  setupTitle: 'Bienvenue dans Médiane',
  setupIntro: 'Pour commencer, décrivez votre lieu d’accueil : ces informations restent sur cet ordinateur.',
  setupSubmit: 'Enregistrer et commencer',
  pageTitle: 'Mon lieu',
  pageIntro: 'Les informations de votre lieu d’accueil, reprises dans le journal et dans les exports.',
  profileTitle: 'Fiche du lieu',
  form: {
    requiredNote: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
    laterInSite:
      'Le reste (adresse, SIRET, services, programmes et labels du schéma national des lieux de médiation numérique, votre nom affiché) se complète quand vous voulez dans « Mon lieu ».',
    name: { label: 'Nom du lieu', hint: 'Par exemple : France Services de Lunel' },
    siteType: { legend: 'Type de lieu' },
    commune: {
      label: 'Commune',
      hint: 'Tapez le nom de la commune ou son code postal, puis choisissez dans la liste.',
    },
    postcode: {
      label: 'Code postal',
      chooseCommuneFirst: 'Choisissez d’abord la commune',
      choose: 'Choisissez le code postal',
    },
    street: {
      label: 'Adresse',
      hint: 'Facultatif. Numéro et nom de la voie : nécessaire pour exporter le lieu vers la carte nationale.',
    },
    siret: { label: 'Numéro SIRET', hint: 'Facultatif. 14 chiffres, vérifiés dès la saisie.' },
    services: {
      legend: 'Services proposés',
      hint: 'Facultatif. Services du schéma national des lieux de médiation numérique ; au moins un est nécessaire pour exporter le lieu.',
    },
    programmes: {
      legend: 'Dispositifs et programmes nationaux',
      hint: 'Facultatif. Intitulés du schéma national des lieux de médiation numérique.',
    },
    trainingLabels: {
      legend: 'Formations et labels',
      hint: 'Facultatif. Intitulés du schéma national des lieux de médiation numérique.',
    },
    mediatorName: { label: 'Votre nom affiché', hint: 'Facultatif. Il reste sur cet ordinateur.' },
    submitEdit: 'Enregistrer les modifications',
    saving: 'Enregistrement…',
    saved: 'Les informations du lieu ont été enregistrées.',
    errorTitle: 'Le lieu n’a pas été enregistré',
  },
  // French labels are exactly the national schema's values (a test checks it); English ones translate them.
  service: {
    materielSolidaire: 'Acquisition de matériel informatique à prix solidaire',
    demarches: 'Aide aux démarches administratives',
    outilsQuotidien: 'Maîtrise des outils numériques du quotidien',
    insertionPro: 'Insertion professionnelle via le numérique',
    securite: 'Utilisation sécurisée du numérique',
    parentalite: 'Parentalité et éducation avec le numérique',
    loisirs: 'Loisirs et créations numériques',
    comprehension: 'Compréhension du monde numérique',
    accesInternet: 'Accès internet et matériel informatique',
  },
  export: {
    title: 'Exporter vers le schéma national',
    intro:
      'Produit la fiche du lieu au format du schéma national des lieux de médiation numérique (ANCT), dans un fichier JSON à publier sur la carte nationale. L’export reprend les informations enregistrées.',
    button: 'Télécharger la fiche du lieu (JSON)',
    working: 'Préparation de la fiche…',
    done: 'Fiche téléchargée : {{fileName}}',
    errorTitle: 'La fiche du lieu n’a pas été exportée',
  },
  taxonomy: {
    title: 'Référentiel',
    version: 'Version du référentiel des séances : {{version}}',
    explain: 'Chaque séance garde la version du référentiel avec laquelle elle a été enregistrée.',
  },
  restoreFromOther: {
    hint: 'Vous avez exporté le bureau d’un ancien ordinateur ? Reprenez-le tel quel.',
    link: 'Restaurer un lieu depuis un autre ordinateur',
  },
  storage: {
    title: 'Données de ce poste',
    moveDeskLink: 'Changer d’ordinateur, sauvegarder maintenant',
    lockLink: 'Verrouillage par code et mode libre-service',
    lastBackup: 'Dernière sauvegarde automatique : {{date}}',
    noBackupYet:
      'Aucune sauvegarde automatique pour l’instant : la première est faite quelques secondes après le démarrage.',
    integrity: {
      lastOk: 'Dernier contrôle d’intégrité des données réussi : {{date}}',
      checking: 'Contrôle d’intégrité des données en cours…',
      failed:
        'Le contrôle d’intégrité des données a échoué. Redémarrez Médiane pour restaurer la dernière sauvegarde valide.',
      notYet: 'Le premier contrôle d’intégrité des données sera fait dans quelques secondes.',
    },
    explain:
      'Le journal reste sur cet ordinateur. Médiane garde les 7 dernières sauvegardes quotidiennes à côté de lui.',
  },
};

export const en: typeof fr = {
  nav: { site: 'My site' },
  shortcuts: { site: 'Go to “My site”' },
  setupTitle: 'Welcome to Médiane',
  setupIntro: 'To begin, describe your help desk: this information stays on this computer.',
  setupSubmit: 'Save and start',
  pageTitle: 'My site',
  pageIntro: 'Your help desk’s details, used in the journal and in exports.',
  profileTitle: 'Site profile',
  form: {
    requiredNote: 'Fields marked with an asterisk (*) are required.',
    laterInSite:
      'The rest (address, SIRET, services, programmes and labels of the national schema of digital inclusion sites, your display name) can be filled in whenever you like in “My site”.',
    name: { label: 'Site name', hint: 'For example: France Services de Lunel' },
    siteType: { legend: 'Type of site' },
    commune: { label: 'Town', hint: 'Type the town’s name or its postcode, then choose from the list.' },
    postcode: {
      label: 'Postcode',
      chooseCommuneFirst: 'Choose the town first',
      choose: 'Choose the postcode',
    },
    street: {
      label: 'Street address',
      hint: 'Optional. Number and street: needed to export the site to the national map.',
    },
    siret: { label: 'SIRET number', hint: 'Optional. 14 digits, checked as you type.' },
    services: {
      legend: 'Services offered',
      hint: 'Optional. Services of the national schema of digital inclusion sites; at least one is needed to export the site.',
    },
    programmes: {
      legend: 'National programmes',
      hint: 'Optional. These are the values of the French national schema of digital inclusion sites, shown in French as the schema spells them.',
    },
    trainingLabels: {
      legend: 'Training and labels',
      hint: 'Optional. These are the values of the French national schema of digital inclusion sites, shown in French as the schema spells them.',
    },
    mediatorName: { label: 'Your display name', hint: 'Optional. It stays on this computer.' },
    submitEdit: 'Save changes',
    saving: 'Saving…',
    saved: 'The site details were saved.',
    errorTitle: 'The site was not saved',
  },
  service: {
    materielSolidaire: 'Buying computer equipment at a fair price',
    demarches: 'Help with administrative procedures',
    outilsQuotidien: 'Everyday digital tools',
    insertionPro: 'Finding work through digital skills',
    securite: 'Using digital tools safely',
    parentalite: 'Parenting and education with digital tools',
    loisirs: 'Digital leisure and creation',
    comprehension: 'Understanding the digital world',
    accesInternet: 'Internet access and computer equipment',
  },
  export: {
    title: 'Export to the national schema',
    intro:
      'Produces the site’s record in the format of the national schema of digital inclusion sites (ANCT), as a JSON file to publish on the national map. The export uses the saved details.',
    button: 'Download the site record (JSON)',
    working: 'Preparing the record…',
    done: 'Record downloaded: {{fileName}}',
    errorTitle: 'The site record was not exported',
  },
  taxonomy: {
    title: 'Vocabulary',
    version: 'Version of the session vocabulary: {{version}}',
    explain: 'Each session keeps the vocabulary version it was saved with.',
  },
  restoreFromOther: {
    hint: 'Did you export the desk of an old computer? Pick it up as it was.',
    link: 'Restore a site from another computer',
  },
  storage: {
    title: 'Data on this computer',
    moveDeskLink: 'Move to another computer, back up now',
    lockLink: 'PIN lock and self-service mode',
    lastBackup: 'Latest automatic backup: {{date}}',
    noBackupYet: 'No automatic backup yet: the first one is made a few seconds after start.',
    integrity: {
      lastOk: 'Latest successful data integrity check: {{date}}',
      checking: 'Data integrity check in progress…',
      failed: 'The data integrity check failed. Restart Médiane to restore the latest good backup.',
      notYet: 'The first data integrity check will run in a few seconds.',
    },
    explain: 'The journal stays on this computer. Médiane keeps the latest 7 daily backups beside it.',
  },
};
