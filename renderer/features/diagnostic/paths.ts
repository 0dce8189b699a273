// The diagnosis's addresses: one self-contained route tree (#/diagnostic/...), so a person alone at the PC can be kept
// inside it.
export const paths = {
  home: '#/diagnostic',
  business: (id: string) => `#/diagnostic/${id}/entreprise`,
  page: (id: string, n: number) => `#/diagnostic/${id}/questions/${n}`,
  results: (id: string) => `#/diagnostic/${id}/resultats`,
  report: (id: string) => `#/diagnostic/${id}/rapport`,
};
