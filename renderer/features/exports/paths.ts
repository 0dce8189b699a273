export const paths = {
  exporter: '#/exporter',
  importer: '#/importer',
} as const;
