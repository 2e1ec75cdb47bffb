import { defineConfig } from 'vite';

// The UI is served by Ferry.Server from the same origin as the API. `base: './'` makes every
// asset URL relative, so the build also works behind a proxy that mounts it under a sub-path.
const api = process.env.FERRY_URL ?? 'http://127.0.0.1:5000';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // `npm run dev` serves the UI with hot reload and proxies the API to a running server
  // (Ferry.Server, e.g. `make run`), given by FERRY_URL.
  server: {
    proxy: { '/api': api, '/health': api },
  },
});
