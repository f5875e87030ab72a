/**
 * The services' proxy passwords, each encrypted with Electron's safeStorage (the system's keychain: Keychain on
 * macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) in a file of their own under userData, apart
 * from the settings, which never hold one. The file is written whole to a temporary file, flushed and renamed over
 * the old one.
 *
 * Where safeStorage has no real encryption (Linux without a keyring: its backend is `basic_text`, a fixed key in
 * Chromium's source), a password is kept in memory only, for this run, and never written: the form says so.
 * A file that cannot be read (not JSON, not the expected shape, or a password the keychain no longer decrypts) is
 * reported, never deleted: the services simply have no password until one is saved again, and the first new save
 * moves the damaged file aside (`<name>.damaged-<ms>.json`) before writing. The settings and the sessions are
 * never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { HostOs } from '../../common/state';
import type { Logger } from '../core/app/ports';
import type { ProxyVault } from '../core/services/proxy';

export const SECRETS_FILE = 'proxy-passwords.json';

/** The part of Electron's safeStorage Wasl uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: the keyring in use; `basic_text` means no real encryption. */
  getSelectedStorageBackend(): string;
}

/** Linux backends whose "encryption" protects nothing: a key anyone can read. */
const NOT_ENCRYPTED = new Set(['basic_text', 'unknown']);

const fileSchema = z.strictObject({
  version: z.literal(1),
  passwords: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u), z.string().max(16_384)),
});

export class ProxySecrets implements ProxyVault {
  readonly storage: 'encrypted' | 'this-run';
  private readonly file: string;
  /** The passwords as the file holds them (base64 of safeStorage's bytes), by service id. */
  private readonly sealed = new Map<string, string>();
  /** The passwords in the clear: those decrypted, or (this-run) the only copy. */
  private readonly plain = new Map<string, string>();
  private damagedFile = false;
  /** Services whose password is in the file but could not be decrypted (kept there until replaced or forgotten). */
  private readonly unreadable = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly safe: SafeStorageLike,
    os: HostOs,
    private readonly log: Logger,
  ) {
    this.file = path.join(dir, SECRETS_FILE);
    this.storage = safe.isEncryptionAvailable() && !(os === 'linux' && NOT_ENCRYPTED.has(safe.getSelectedStorageBackend())) ? 'encrypted' : 'this-run';
    this.load();
  }

  /** The file could not be read, or a password in it no longer decrypts. */
  get damaged(): boolean {
    return this.damagedFile || this.unreadable.size > 0;
  }

  has(serviceId: string): boolean {
    return this.plain.has(serviceId);
  }

  password(serviceId: string): string | undefined {
    return this.plain.get(serviceId);
  }

  ids(): string[] {
    return [...this.plain.keys()];
  }

  /** Keeps (or, with null, forgets) the service's password; false when it could not be written (nothing changed then). */
  set(serviceId: string, password: string | null): boolean {
    this.unreadable.delete(serviceId);
    if (this.storage === 'this-run') {
      if (password === null) this.plain.delete(serviceId);
      else this.plain.set(serviceId, password);
      return true;
    }
    const next = new Map(this.sealed);
    if (password === null) next.delete(serviceId);
    else next.set(serviceId, this.safe.encryptString(password).toString('base64'));
    try {
      this.write(next);
    } catch (error) {
      this.log.error('could not save the proxy passwords', { error: String(error) });
      return false;
    }
    this.sealed.clear();
    for (const [id, value] of next) this.sealed.set(id, value);
    if (password === null) this.plain.delete(serviceId);
    else this.plain.set(serviceId, password);
    return true;
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.damagedFile = true;
        this.log.error('could not read the proxy passwords', { error: String(error) });
      }
      return;
    }
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch (error) {
      this.damagedFile = true;
      this.log.error('the proxy passwords file is damaged; the services have no proxy password until one is saved again', { error: String(error).slice(0, 200) });
      return;
    }
    for (const [id, value] of Object.entries(parsed.passwords)) {
      this.sealed.set(id, value);
      if (this.storage === 'this-run') {
        this.unreadable.add(id);
        continue;
      }
      try {
        this.plain.set(id, this.safe.decryptString(Buffer.from(value, 'base64')));
      } catch (error) {
        this.unreadable.add(id);
        this.log.error('a proxy password no longer decrypts (the keychain changed?)', { service: id, error: String(error) });
      }
    }
  }

  /** Writes the file whole: temporary file, flushed, renamed over the old one; a damaged file is first moved aside. */
  private write(passwords: ReadonlyMap<string, string>): void {
    fs.mkdirSync(this.dir, { recursive: true });
    if (this.damagedFile && fs.existsSync(this.file)) {
      fs.renameSync(this.file, path.join(this.dir, `${path.basename(SECRETS_FILE, '.json')}.damaged-${String(Date.now())}.json`));
    }
    this.damagedFile = false;
    const temporary = `${this.file}.tmp`;
    try {
      const fd = fs.openSync(temporary, 'w', 0o600);
      try {
        fs.writeFileSync(fd, JSON.stringify({ version: 1, passwords: Object.fromEntries(passwords) }));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, this.file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
  }
}
