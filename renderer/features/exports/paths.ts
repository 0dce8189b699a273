export const paths = {
  exporter: '#/exporter',
  importer: '#/importer',
  rapports: '#/rapports',
} as const;
