// Texts of the one search box (header button, search dialog, grouped results).
export const fr = {
  open: 'Rechercher',
  openSr: 'un guide, une fiche ou un service en ligne',
  title: 'Rechercher une démarche',
  close: 'Fermer',
  label: 'Guide, fiche ou service en ligne',
  hint: 'Mots, sigles ou noms courants : « carte grise », « APL », « impôts ». Flèches pour choisir, Entrée pour ouvrir.',
  results: 'Résultats',
  groups: {
    guide: 'Guides',
    fiche: 'Fiches service-public.fr',
    service: 'Services en ligne et formulaires',
    topic: 'Thèmes service-public.fr',
  },
  countNone: 'Aucun résultat pour « {{query}} ».',
  count_one: 'Un résultat.',
  count_other: '{{count}} résultats.',
  none: 'Aucun guide ni aucune fiche ne correspond à « {{query}} ». Essayez un autre mot ou un sigle.',
  source: 'Fiches et services : service-public.fr, Licence Ouverte, données du {{date}}.',
  sourceDemo:
    'Fiches et services : catalogue de démonstration, service-public.fr, Licence Ouverte, données du {{date}} (anciennes).',
  linked: '« {{title}} » est ajouté à la séance en cours.',
  shortcuts: { search: 'Rechercher un guide, une fiche ou un service', searchSlash: 'Rechercher (hors saisie)' },
};

export const en: typeof fr = {
  open: 'Search',
  openSr: 'a guide, a fact sheet or an online service',
  title: 'Search for a procedure',
  close: 'Close',
  label: 'Guide, fact sheet or online service',
  hint: 'Words, acronyms or everyday names: “carte grise”, “APL”, “impôts”. Arrows to choose, Enter to open.',
  results: 'Results',
  groups: {
    guide: 'Guides',
    fiche: 'service-public.fr fact sheets',
    service: 'Online services and forms',
    topic: 'service-public.fr topics',
  },
  countNone: 'No result for “{{query}}”.',
  count_one: 'One result.',
  count_other: '{{count}} results.',
  none: 'No guide or fact sheet matches “{{query}}”. Try another word or an acronym.',
  source: 'Fact sheets and services: service-public.fr, Licence Ouverte, data of {{date}}.',
  sourceDemo: 'Fact sheets and services: demo catalogue, service-public.fr, Licence Ouverte, data of {{date}} (old).',
  linked: '“{{title}}” was added to the running session.',
  shortcuts: { search: 'Search for a guide, a fact sheet or a service', searchSlash: 'Search (when not typing)' },
};
