export const paths = { coordination: '#/coordination' };
