export const fr = {
  newTitle: 'Nouvelle séance',
  editTitle: 'Modifier la séance',
};
export const en: typeof fr = {
  newTitle: 'New session',
  editTitle: 'Edit session',
};
