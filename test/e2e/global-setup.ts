import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';

/** Builds the app on mocks once and serves it; tests get the URL through `inject('baseUrl')`. */
export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn', mode: 'production' });
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
