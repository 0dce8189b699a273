// Texts of the journal's desk part (the header timer, today's summary, the row menu, the period presets, shortcuts).
// Namespace "journal", under "desk".
export const fr = {
  shortcuts: {
    journal: 'Aller au journal',
    newSession: 'Nouvelle séance',
    followUps: 'Aller à « À relancer »',
    timer: 'Démarrer le chronomètre, ou le terminer et enregistrer la séance',
  },
};

export const en: typeof fr = {
  shortcuts: {
    journal: 'Go to the journal',
    newSession: 'New session',
    followUps: 'Go to “Follow-ups”',
    timer: 'Start the timer, or finish it and record the session',
  },
};
