/**
 * The proxy passwords' file (main/persistence/proxy-secrets.ts) on a real temporary folder with a fake safeStorage:
 * passwords are written only encrypted and read back by a new start; without real encryption (Linux's basic_text,
 * or none at all) they are kept for this run only and nothing is written; a damaged file or a password that no
 * longer decrypts is reported, never deleted, and the first new save moves the damaged file aside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostOs } from '../../../../common/state';
import { ProxySecrets, SECRETS_FILE } from '../../../../main/persistence/proxy-secrets';
import { FakeSafeStorage } from '../../../fakes/electron';
import { MemoryLogger } from '../../../fakes/logger';

let dir: string;
let file: string;
let safe: FakeSafeStorage;
let log: MemoryLogger;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-proxy-'));
  file = path.join(dir, SECRETS_FILE);
  safe = new FakeSafeStorage();
  log = new MemoryLogger();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (system: HostOs = 'linux') => new ProxySecrets(dir, safe, system, log);

describe('with real encryption', () => {
  it('writes only encrypted passwords, and a new start reads them back', () => {
    const secrets = open();
    expect(secrets.storage).toBe('encrypted');
    expect(secrets.set('wa', 'كلمة-سر')).toBe(true);
    expect(secrets.set('tg', 'other')).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('كلمة-سر');
    expect(text).not.toContain('other');
    expect(fs.readdirSync(dir)).toEqual([SECRETS_FILE]);
    const again = open();
    expect(again.password('wa')).toBe('كلمة-سر');
    expect(again.ids().sort()).toEqual(['tg', 'wa']);
    expect(again.damaged).toBe(false);
  });

  it('forgets a password on disk too', () => {
    open().set('wa', 'x');
    const secrets = open();
    expect(secrets.set('wa', null)).toBe(true);
    expect(open().has('wa')).toBe(false);
  });

  it('reports a damaged file, keeps it, and moves it aside on the next save', () => {
    fs.writeFileSync(file, '{"version":1,"passwords":{"wa":');
    const secrets = open();
    expect(secrets.damaged).toBe(true);
    expect(secrets.ids()).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"version":1,"passwords":{"wa":');
    expect(secrets.set('wa', 'new')).toBe(true);
    expect(secrets.damaged).toBe(false);
    const aside = fs.readdirSync(dir).filter((name) => name.includes('.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('{"version":1,"passwords":{"wa":');
    expect(open().password('wa')).toBe('new');
  });

  it('reports a password the keychain no longer decrypts and keeps it on disk until it is replaced', () => {
    fs.writeFileSync(file, JSON.stringify({ version: 1, passwords: { wa: Buffer.from('not ours').toString('base64') } }));
    const secrets = open();
    expect(secrets.damaged).toBe(true);
    expect(secrets.has('wa')).toBe(false);
    secrets.set('tg', 'other');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ passwords: { wa: Buffer.from('not ours').toString('base64') } });
    secrets.set('wa', 'again');
    expect(secrets.damaged).toBe(false);
  });

  it('answers false and changes nothing when the disk refuses', () => {
    const secrets = open();
    secrets.set('wa', 'kept');
    fs.mkdirSync(`${file}.tmp`);
    expect(secrets.set('wa', 'lost')).toBe(false);
    expect(secrets.password('wa')).toBe('kept');
    expect(log.lines.some((line) => line.level === 'error')).toBe(true);
  });
});

describe('without real encryption', () => {
  it.each<[string, () => void, HostOs]>([
    ["Linux's basic_text", () => (safe.backend = 'basic_text'), 'linux'],
    ['no encryption at all', () => (safe.available = false), 'win32'],
  ])('%s: keeps passwords for this run only, writing nothing', (_name, arrange, system) => {
    arrange();
    const secrets = open(system);
    expect(secrets.storage).toBe('this-run');
    expect(secrets.set('wa', 'x')).toBe(true);
    expect(secrets.password('wa')).toBe('x');
    expect(fs.existsSync(file)).toBe(false);
    expect(open(system).has('wa')).toBe(false);
  });

  it('takes basic_text as encryption elsewhere than Linux (the backend is a Linux notion)', () => {
    safe.backend = 'basic_text';
    expect(open('darwin').storage).toBe('encrypted');
  });
});
