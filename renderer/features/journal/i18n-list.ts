export const fr = {
  title: 'Journal des séances',
  followUpsTitle: 'À relancer',
};
export const en: typeof fr = {
  title: 'Session journal',
  followUpsTitle: 'Follow-ups',
};
