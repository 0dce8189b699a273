/** This feature's addresses (French, as the user reads them). */
export const paths = {
  settings: '#/lieu/verrouillage',
};

// Screens of other features these pages link to: by address, never by import.
export const elsewhere = {
  site: '#/lieu',
};
