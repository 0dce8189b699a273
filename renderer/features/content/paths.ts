export const paths = { content: '#/contenus' };
