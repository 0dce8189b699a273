import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Layer rules (see README, "Architecture"): only main/app and the preload may touch Electron; the core, shared code,
// renderer and hub never do. The renderer reaches the core only through the contract (renderer/api/client.ts).
const electronBan = {
  name: 'electron',
  message: 'Only main/app and main/preload.ts may import electron (main/ipc takes *Like interfaces that tests fake).',
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'worker_threads'].map(
  (name) => ({
    group: [name],
    message: 'Browser code cannot use Node built-ins.',
  }),
);

// A feature never imports another feature (see renderer/app/feature.ts): each folder of renderer/features gets a
// rule naming the others. Both spellings are caught: from the folder ("../site/...") and from deeper or from a path
// through features/ ("../../features/site/...").
const features = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const rendererBans = [
  ...nodeBuiltins,
  {
    group: ['**/main/**', '**/hub/**'],
    message: 'The renderer reaches the core only through renderer/api (client.ts and hooks.ts).',
  },
];
const featureBoundaries = features.map((name) => {
  const others = features.filter((other) => other !== name);
  return {
    files: [`renderer/features/${name}/**/*.ts`, `renderer/features/${name}/**/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            ...rendererBans,
            ...(others.length === 0
              ? []
              : [
                  {
                    regex: `^(?:\\.\\./)+(?:features/)?(?:${others.join('|')})(?:/|$)`,
                    message: `features/${name} must not import another feature. Move what both need to renderer/ui (components), renderer/lib (pure functions) or shared/ (domain rules); the shell (renderer/app) links features together.`,
                  },
                ]),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      'bench/.data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['main/core/**', 'main/web/**', 'main/ipc/**', 'hub/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/main/app/**', '**/renderer/**'],
              message: 'The core does not depend on the shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            ...nodeBuiltins.filter((p) => p.group[0] !== 'node:*' && p.group[0] !== 'crypto'),
            {
              group: ['**/main/**', '**/renderer/**', '**/hub/**'],
              message: 'shared/ is imported by every side and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: rendererBans }],
    },
  },
  ...featureBoundaries,
  {
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.tsx'],
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }] },
  },
);
