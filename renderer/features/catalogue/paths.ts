/** This feature's addresses (French, as the user reads them). */
export const paths = {
  catalogue: '#/catalogue',
  fiche: (id: string) => `#/fiche/${encodeURIComponent(id)}`,
};

// Screens of other features these pages link to: by address, never by import.
export const elsewhere = {
  guide: (id: string) => `#/guides/${encodeURIComponent(id)}`,
};

/** An F/R/N identifier of the catalogue. */
export const ENTRY_ID = /^[FRN]\d{1,7}$/;
