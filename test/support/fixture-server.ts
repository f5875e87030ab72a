/**
 * Serves one platform's fixture pages at the paths the real site uses (`/k/` and `/a/` for Telegram, `/` for most)
 * with the shared fixture engine at `/lib/`.
 */
import path from 'node:path';
import { serveDirectory, type StaticServer } from './static-server';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/platforms');

export function serveFixture(platformDir: string): Promise<StaticServer> {
  return serveDirectory(path.join(FIXTURES, platformDir), {}, { '/lib/': path.join(FIXTURES, 'lib') });
}
