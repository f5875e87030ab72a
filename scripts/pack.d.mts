/** Types of scripts/pack.mjs, for its tests. */
import type { PackFeed, PackManifest } from '../common/packs';

export const DEFAULT_OUT: string;
export const KEY_ENV: string;
export const MANIFEST_FILE: string;
export const PIECES_DIR: string;
export const FEED_FILE: string;
export function packFileName(version: string): string;
export function maxAppVersionFor(appVersion: string): string;
export function keyIdOf(publicKey: string): string;
export function publicKeyOf(privateKeyPem: string, source: string): string;
export function buildPack(options: { version: string; out?: string; entries?: string }): Promise<PackManifest>;
export function defaultRepo(): string;
export function signPack(options: {
  out?: string;
  privateKeyPem: string | undefined;
  keySource?: string;
  repo?: string;
  trusted?: string;
}): Promise<{ packPath: string; feedPath: string; keyId: string; feed: PackFeed }>;
export function tagProblem(tag: string | undefined, builtIn: string): string | null;
export function feedProblem(previousText: string, version: string): Promise<string | null>;
export function generateKeys(options?: { out?: string }): Promise<{ lines: string[]; publicKey: string; keyId: string }>;
