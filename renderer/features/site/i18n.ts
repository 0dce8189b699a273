// Texts of the site screens: first-run setup (SetupPage) and "Mon lieu" (SitePage).
// The labels of the national programmes and training labels are not here: they are the national schema's own
// French values (shared/site/schema.ts) and are shown as they are in both languages.
export const fr = {
  setupTitle: 'Bienvenue dans Médiane',
  setupIntro: 'Pour commencer, décrivez votre lieu d’accueil : ces informations restent sur cet ordinateur.',
  setupSubmit: 'Enregistrer et commencer',
  pageTitle: 'Mon lieu',
  pageIntro: 'Les informations de votre lieu d’accueil, reprises dans le journal et dans les exports.',
  profileTitle: 'Fiche du lieu',
  form: {
    requiredNote: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
    name: { label: 'Nom du lieu', hint: 'Par exemple : France Services de Lunel' },
    siteType: { legend: 'Type de lieu' },
    commune: { label: 'Commune', hint: 'Tapez le nom de la commune ou son code postal, puis choisissez dans la liste.' },
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
    fieldError: '{{field}} : {{message}}',
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
    intro: 'Produit la fiche du lieu au format du schéma national des lieux de médiation numérique (ANCT), dans un fichier JSON à publier sur la carte nationale. L’export reprend les informations enregistrées.',
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
};

export const en: typeof fr = {
  setupTitle: 'Welcome to Médiane',
  setupIntro: 'To begin, describe your help desk: this information stays on this computer.',
  setupSubmit: 'Save and start',
  pageTitle: 'My site',
  pageIntro: 'Your help desk’s details, used in the journal and in exports.',
  profileTitle: 'Site profile',
  form: {
    requiredNote: 'Fields marked with an asterisk (*) are required.',
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
    fieldError: '{{field}}: {{message}}',
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
    intro: 'Produces the site’s record in the format of the national schema of digital inclusion sites (ANCT), as a JSON file to publish on the national map. The export uses the saved details.',
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
};
