/**
 * The user agent every service session sends: a current desktop Chrome on the host OS, in Chrome's reduced
 * form (`Chrome/<major>.0.0.0`), with no Electron or app token. WhatsApp, Messenger and Instagram refuse
 * browsers that are not Chrome, and Google sign-in refuses anything that looks embedded. And the languages it says
 * the user reads.
 */
import type { HostOs } from '../../common/state';

const OS_TOKENS: Record<HostOs, string> = {
  // Chrome freezes the macOS version at 10_15_7; Instagram's login rejects anything else on a Mac.
  darwin: 'Macintosh; Intel Mac OS X 10_15_7',
  win32: 'Windows NT 10.0; Win64; x64',
  linux: 'X11; Linux x86_64',
};

export function chromeUserAgent(os: HostOs, chromeVersion: string): string {
  const major = /^(\d+)\./.exec(chromeVersion)?.[1] ?? '140';
  return `Mozilla/5.0 (${OS_TOKENS[os]}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}

export function hostOs(platform: string): HostOs {
  if (platform === 'darwin' || platform === 'win32') return platform;
  return 'linux';
}

/** The Accept-Language of the service sessions: the system's preferred languages, or English when it names none. */
export function acceptLanguages(preferred: readonly string[]): string {
  return preferred.join(',') || 'en-US,en';
}
