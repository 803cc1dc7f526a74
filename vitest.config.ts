import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the workspace packages from source, so no build is needed before them.
const alias = { '@cajachica/cfdi': fileURLToPath(new URL('packages/cfdi/src/index.ts', import.meta.url)) };

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the CPUs: one on a 2-core machine. Most test files
    // wait on PostgreSQL, SAT's scripts or a browser, so two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
          ],
          environment: 'node',
          // The files share each worker's modules instead of importing the whole server again for
          // every file (import took some 260 s of the suite's time): 6 minutes instead of 10. No
          // test mocks modules, stubs globals or changes process.env, and each builds its own app
          // on its own database, so what the files share is only code and read-only caches.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['apps/server/test/helpers/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['e2e/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
