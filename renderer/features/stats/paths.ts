export const paths = { stats: '#/statistiques', retention: '#/statistiques/conservation' };
