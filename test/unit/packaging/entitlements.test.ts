// @vitest-environment jsdom
/**
 * The macOS entitlements electron-builder.yml signs Wasl with, read as the property list they are, with a real XML
 * parser (jsdom's DOMParser): the hardened runtime's one exception Electron needs (allow-jit) and the camera and
 * microphone that calls use, nothing more.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The top-level dictionary of an Apple property list (XML): the root is `<plist version="1.0">` holding one `<dict>`
 * of `<key>` and value pairs. Booleans, strings and integers only (what an entitlements file holds); anything else,
 * or XML that does not parse, is an error.
 */
function readPlistDict(xml: string): Record<string, boolean | string | number> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('not well-formed XML');
  const root = doc.documentElement;
  if (root.tagName !== 'plist' || root.getAttribute('version') !== '1.0') throw new Error('the root is not <plist version="1.0">');
  const [dict, ...rest] = Array.from(root.children);
  if (dict?.tagName !== 'dict' || rest.length > 0) throw new Error('a plist must hold exactly one <dict>');
  const entries = Array.from(dict.children);
  const result: Record<string, boolean | string | number> = {};
  for (let i = 0; i < entries.length; i += 2) {
    const key = entries[i];
    const value = entries[i + 1];
    if (key?.tagName !== 'key' || !value) throw new Error(`a <key> and its value expected at entry ${i}`);
    const name = key.textContent;
    if (name in result) throw new Error(`${name} appears twice`);
    if (value.tagName === 'true' || value.tagName === 'false') result[name] = value.tagName === 'true';
    else if (value.tagName === 'string') result[name] = value.textContent;
    else if (value.tagName === 'integer') result[name] = Number(value.textContent);
    else throw new Error(`unexpected <${value.tagName}> for ${name}`);
  }
  return result;
}

const plist = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict>${body}</dict></plist>`;

describe('the macOS entitlements', () => {
  it('grant the app and its helpers only allow-jit, the camera and the microphone', () => {
    const mac = z
      .object({ mac: z.object({ entitlements: z.string(), entitlementsInherit: z.string() }) })
      .parse(parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'))).mac;
    expect(mac.entitlementsInherit).toBe(mac.entitlements);
    expect(readPlistDict(readFileSync(path.join(ROOT, mac.entitlements), 'utf8'))).toEqual({
      'com.apple.security.cs.allow-jit': true,
      'com.apple.security.device.camera': true,
      'com.apple.security.device.audio-input': true,
    });
  });

  it('are read for real: a broken plist is refused, a widened one is seen', () => {
    expect(() => readPlistDict(plist('<key>a</key><true/'))).toThrow(/well-formed/u);
    expect(() => readPlistDict(plist('<key>a</key>'))).toThrow(/key/u);
    expect(() => readPlistDict(plist('<key>a</key><true/><key>a</key><false/>'))).toThrow(/twice/u);
    expect(() => readPlistDict('<plist version="1.0"><array/></plist>')).toThrow(/dict/u);
    expect(readPlistDict(plist('<key>com.apple.security.cs.allow-unsigned-executable-memory</key><true/><key>x</key><false/>'))).toEqual({
      'com.apple.security.cs.allow-unsigned-executable-memory': true,
      x: false,
    });
  });
});
