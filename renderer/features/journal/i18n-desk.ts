// Texts of the journal's desk part (the header timer, today's summary, the row menu, the period presets, shortcuts).
// Namespace "journal", under "desk".
export const fr = {
  shortcuts: {
    journal: 'Aller au journal',
    newSession: 'Nouvelle séance',
    followUps: 'Aller à « À relancer »',
    timer: 'Démarrer le chronomètre, ou le terminer et enregistrer la séance',
  },
  timer: {
    group: 'Chronomètre',
    start: 'Démarrer le chronomètre',
    finish: 'Terminer et enregistrer',
    elapsed: 'Durée écoulée :',
    addLabel: 'Ajouter un libellé',
    editLabel: 'Modifier le libellé',
    labelField: 'Libellé du chronomètre',
    labelHint: 'Court, sans nom ni numéro : il s’affiche sur tous les écrans ({{max}} caractères au plus).',
    labelSave: 'Enregistrer le libellé',
    labelCancel: 'Annuler',
    personal: 'Ce libellé semble contenir une donnée personnelle : retirez-la avant d’enregistrer.',
    announce_one: 'Chronomètre démarré à {{time}} : {{count}} minute écoulée.',
    announce_other: 'Chronomètre démarré à {{time}} : {{count}} minutes écoulées.',
    more_one: 'et {{count}} autre',
    more_other: 'et {{count}} autres',
  },
};

export const en: typeof fr = {
  shortcuts: {
    journal: 'Go to the journal',
    newSession: 'New session',
    followUps: 'Go to “Follow-ups”',
    timer: 'Start the timer, or finish it and record the session',
  },
  timer: {
    group: 'Timer',
    start: 'Start the timer',
    finish: 'Finish and record',
    elapsed: 'Elapsed time:',
    addLabel: 'Add a label',
    editLabel: 'Edit the label',
    labelField: 'Timer label',
    labelHint: 'Short, no name or number: it shows on every screen ({{max}} characters at most).',
    labelSave: 'Save the label',
    labelCancel: 'Cancel',
    personal: 'This label seems to contain personal data: remove it before saving.',
    announce_one: 'Timer started at {{time}}: {{count}} minute elapsed.',
    announce_other: 'Timer started at {{time}}: {{count}} minutes elapsed.',
    more_one: 'and {{count}} more',
    more_other: 'and {{count}} more',
  },
};
