/** The screen-share rules as a table: which requests reach the picker, and which answers are granted. */
import { describe, expect, it } from 'vitest';
import { serviceOrigins } from '../../../../../common/catalog';
import { grantFor, refuseShareRequest, type ShareRefusal, type ShareRequestFacts } from '../../../../../main/core/screen-share/rules';

const DISCORD = serviceOrigins('discord');

/** Discord's own page in front asks after a click, calls allowed: it may go to the picker. */
const GOOD: ShareRequestFacts = {
  callsAllowed: true,
  origins: DISCORD,
  frameUrl: 'https://discord.com/channels/1/2',
  topFrame: true,
  securityOrigin: 'https://discord.com',
  inFront: true,
  locked: false,
  userGesture: true,
  videoRequested: true,
  pickerOpen: false,
};

const ROWS: [string, Partial<ShareRequestFacts>, ShareRefusal | undefined][] = [
  ['the service in front, its top frame, after a click', {}, undefined],
  ['calls not allowed for the service', { callsAllowed: false }, 'calls-not-allowed'],
  ['sound alone, no picture', { videoRequested: false }, 'no-video'],
  ['the frame is gone (navigated or destroyed)', { frameUrl: null }, 'no-frame'],
  ['an iframe of the page, even on its own origin', { topFrame: false }, 'not-top-frame'],
  ['a frame on a foreign origin', { frameUrl: 'https://evil.example/' }, 'foreign-origin'],
  ['a look-alike host', { frameUrl: 'https://discord.com.evil.example/' }, 'foreign-origin'],
  ['user info before the host', { frameUrl: 'https://discord.com@evil.example/' }, 'foreign-origin'],
  ['a foreign security origin on the service’s address', { securityOrigin: 'https://evil.example' }, 'foreign-origin'],
  ['an address that is not one', { frameUrl: 'not a url' }, 'foreign-origin'],
  ['plain http of the service’s host', { frameUrl: 'http://discord.com/' }, 'foreign-origin'],
  ['Wasl is locked', { locked: true }, 'locked'],
  ['a hidden page (another service in front)', { inFront: false }, 'not-in-front'],
  ['no user gesture', { userGesture: false }, 'no-gesture'],
  ['a second request while one is open', { pickerOpen: true }, 'picker-open'],
];

describe('refuseShareRequest', () => {
  it.each(ROWS)('%s', (_name, change, expected) => {
    expect(refuseShareRequest({ ...GOOD, ...change })).toBe(expected);
  });

  it('takes the catalog’s origins as they are written, wildcards included', () => {
    const slack = serviceOrigins('slack');
    expect(refuseShareRequest({ ...GOOD, origins: slack, frameUrl: 'https://acme.slack.com/client/T1', securityOrigin: 'https://acme.slack.com' })).toBeUndefined();
    expect(refuseShareRequest({ ...GOOD, origins: slack })).toBe('foreign-origin');
    expect(refuseShareRequest({ ...GOOD, frameUrl: 'https://discord.gg/abc', securityOrigin: 'https://discord.gg' })).toBe('foreign-origin');
  });

  it('names the first rule broken when several are', () => {
    expect(refuseShareRequest({ ...GOOD, callsAllowed: false, inFront: false, userGesture: false })).toBe('calls-not-allowed');
  });
});

describe('grantFor', () => {
  const offered = [
    { id: 'screen:1:0', name: 'Entire Screen' },
    { id: 'window:42:0', name: 'Notes' },
  ];

  it('grants a source offered in the request, by its id and name', () => {
    expect(grantFor(offered, 'window:42:0', { offered: false, chosen: false })).toEqual({ video: { id: 'window:42:0', name: 'Notes' } });
  });

  it('refuses an id that was not offered (a forged or stale one)', () => {
    expect(grantFor(offered, 'window:43:0', { offered: true, chosen: true })).toBeUndefined();
    expect(grantFor(offered, 'screen:1:0 ', { offered: false, chosen: false })).toBeUndefined();
    expect(grantFor([], 'screen:1:0', { offered: false, chosen: false })).toBeUndefined();
  });

  it('adds the system’s sound only where it was offered and chosen', () => {
    expect(grantFor(offered, 'screen:1:0', { offered: true, chosen: true })).toEqual({ video: { id: 'screen:1:0', name: 'Entire Screen' }, audio: 'loopback' });
    expect(grantFor(offered, 'screen:1:0', { offered: true, chosen: false })).toEqual({ video: { id: 'screen:1:0', name: 'Entire Screen' } });
    // Not supported here (or not asked by the page): a shell answering audio anyway gets the picture alone.
    expect(grantFor(offered, 'screen:1:0', { offered: false, chosen: true })).toEqual({ video: { id: 'screen:1:0', name: 'Entire Screen' } });
  });
});
