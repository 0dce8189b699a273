/** This feature's addresses (French, as the user reads them). */
export const paths = {
  moveDesk: '#/lieu/changer-d-ordinateur',
  restoreDesk: '#/restaurer',
};

// Screens of other features these pages link to: by address, never by import.
export const elsewhere = {
  site: '#/lieu',
  journal: '#/journal',
};
