export const paths = { sync: '#/synchronisation' };
