import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: [
      'tests/**/*.test.ts',
      'tests/**/*.test.tsx',
      'main/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.tsx',
      'renderer/**/*.test.ts',
      'hub/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
