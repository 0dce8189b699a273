// Screens of other features that the site's pages link to. A feature never imports another: links go by address,
// like any link on the web (the transfer feature declares these routes).
export const ROUTES_ELSEWHERE = {
  moveDesk: '#/lieu/changer-d-ordinateur',
  restoreDesk: '#/restaurer',
  lockSettings: '#/lieu/verrouillage',
};
