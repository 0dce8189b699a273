// Texts of the core's refusals for this feature (keys "stats.…"), filed by the shell under the "errors" namespace.
export const fr = {
  periodReversed: 'La date de fin doit être après la date de début.',
  periodTooLong: 'La période est trop longue (30 ans au plus).',
  sessionFrozen:
    'Les détails de cette séance ont été effacés (conservation des données) : elle ne peut plus être modifiée, supprimée ni restaurée.',
  retentionMonthsInvalid: 'Indiquez un nombre de mois entre 1 et 120.',
  retentionNotesAfterDetails: 'Les notes doivent être effacées au plus tard en même temps que les détails.',
};

export const en: typeof fr = {
  periodReversed: 'The end date must come after the start date.',
  periodTooLong: 'The period is too long (30 years at most).',
  sessionFrozen:
    'This session’s details were erased (data retention): it can no longer be edited, deleted or restored.',
  retentionMonthsInvalid: 'Enter a number of months between 1 and 120.',
  retentionNotesAfterDetails: 'Notes must be erased at the latest together with the details.',
};
