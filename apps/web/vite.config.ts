import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': apiServer,
      '/dev': apiServer,
      '/healthz': apiServer,
    },
  },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // Vendors change less often than the app: separate chunks keep them cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|use-sync-external-store)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](?!charts)|@floating-ui)/ },
            // Charts (recharts and what it pulls in) load only with the pages that draw them.
            { name: 'charts', test: /node_modules[\\/](@mantine[\\/]charts[\\/](?!styles)|recharts[\\/])/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
