export const fr = {
  setupTitle: 'Bienvenue dans Médiane',
  pageTitle: 'Mon lieu',
};
export const en: typeof fr = {
  setupTitle: 'Welcome to Médiane',
  pageTitle: 'My site',
};
