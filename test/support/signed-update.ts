/**
 * Linux updates as a release publishes them, for the tests that start main/index.ts: there an update installs only
 * with the release key's signature (main/security/update-signature.ts). A fake electron-updater whose Linux
 * updater is a BaseUpdater, as electron-updater's are; a downloaded file on disk with its `.sig` published on the
 * fake network, signed with a key generated here; and that key trusted in place of the release keys main passes.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import type { StatePatch, UpdateState } from '../../common/state';
import { generateSigningKey, signData } from '../../main/security/signing';
import type * as UpdateSignature from '../../main/security/update-signature';
import { signedUpdateMessage } from '../../main/security/update-signature';

/** Where main/index.ts says electron-builder publishes (its PROJECT_URL's releases). */
export const RELEASES_URL = 'https://github.com/wasl-app/wasl/releases';

/** electron-updater's BaseUpdater as the fake module exports it: its `install` (on quit, on Linux) is counted. */
export class FakeBaseUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: object | null = {};
  readonly installsOnQuit: [boolean, boolean][] = [];
  install(isSilent: boolean, isForceRunAfter: boolean): boolean {
    this.installsOnQuit.push([isSilent, isForceRunAfter]);
    return true;
  }
}

/** A release signed with a key generated here. */
export class SignedRelease {
  private readonly key = generateSigningKey();
  readonly trusted = { id: 'test-release', publicKey: this.key.publicKey };

  /**
   * Trusts this release's key as main's release keys (the rest of the check as it is): call before main/index.ts
   * is imported. Main passes its own keys; the private halves of those live only in the release workflow.
   */
  trust(): void {
    const trusted = this.trusted;
    vi.doMock(path.resolve(import.meta.dirname, '../../main/security/update-signature.ts'), async (importOriginal: () => Promise<typeof UpdateSignature>) => {
      const actual = await importOriginal();
      return { ...actual, verifyUpdateFile: ((download, deps) => actual.verifyUpdateFile(download, { ...deps, keys: [trusted] })) satisfies typeof actual.verifyUpdateFile };
    });
  }

  /** Writes version's AppImage into `dir` as electron-updater leaves a download, and publishes its `.sig`; answers the file. */
  publish(published: Map<string, Uint8Array>, dir: string, version: string): string {
    const name = `Wasl-${version}-x86_64.AppImage`;
    const content = Buffer.alloc(50_000, `Wasl ${version} `);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const message = signedUpdateMessage(name, version, createHash('sha512').update(content).digest('hex'));
    const sig = JSON.stringify({ keyId: this.trusted.id, signature: signData(message, this.key.privateKeyPem) });
    published.set(`${RELEASES_URL}/download/v${version}/${name}.sig`, Buffer.from(sig));
    return file;
  }
}

/** The update state main last pushed to the shell window (its `app:patch` messages): read without a request. */
export function pushedUpdate(win: { webContents: { sent: { channel: string; args: unknown[] }[] } }): UpdateState | undefined {
  return win.webContents.sent
    .filter((m) => m.channel === 'app:patch')
    .map((m) => (m.args[0] as StatePatch).update)
    .filter((update) => update !== undefined)
    .at(-1);
}

/**
 * Lets real file and network I/O run (a download's hash is streamed from disk) until `done` holds, for up to ten
 * seconds of real time (performance.now: tests that fake Date and timers leave it and setImmediate alone).
 */
export async function until(done: () => boolean): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > 10_000) throw new Error('still waiting after 10 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
