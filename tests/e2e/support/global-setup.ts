/**
 * Vitest global setup for end-to-end tests: serves the production build of the renderer on a free
 * local port and hands its address to the specs (`inject('baseUrl')`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server';

export const DIST_RENDERER = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(`${DIST_RENDERER}/index.html`)) {
    throw new Error(`e2e: ${DIST_RENDERER}/index.html is missing. Run \`npm run build\` first (npm test does it for you).`);
  }
  const server = await startStaticServer(DIST_RENDERER);
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
