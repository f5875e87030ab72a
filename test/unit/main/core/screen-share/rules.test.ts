/** The screen-share rules as a table: which requests reach the picker, and which answers are granted. */
import { describe, expect, it } from 'vitest';
import { serviceOrigins } from '../../../../../common/catalog';
import { grantFor, refuseShareRequest, type ShareRefusal, type ShareRequestFacts } from '../../../../../main/core/screen-share/rules';

const DISCORD = serviceOrigins('discord');
const MESSENGER = serviceOrigins('messenger');

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

/** Messenger's call pop-up, focused, its top frame on messenger.com after a click; Wasl shows another service. */
const POPUP: ShareRequestFacts = {
  ...GOOD,
  origins: MESSENGER,
  frameUrl: 'https://www.messenger.com/groupcall/ROOM/?call_id=1',
  securityOrigin: 'https://www.messenger.com',
  topFrame: false,
  inFront: false,
  popup: { sameService: true, topFrame: true, focused: true },
};

const POPUP_ROWS: [string, Partial<ShareRequestFacts>, ShareRefusal | undefined][] = [
  ['its own focused pop-up’s top frame, after a click, the service not in front', {}, undefined],
  ['its own focused pop-up, the service in front too', { inFront: true }, undefined],
  ['a pop-up another service opened', { popup: { sameService: false, topFrame: true, focused: true } }, 'other-service-popup'],
  ['an iframe inside the pop-up', { popup: { sameService: true, topFrame: false, focused: true } }, 'popup-not-top-frame'],
  ['the pop-up on a foreign address', { frameUrl: 'https://evil.example/call' }, 'popup-foreign-origin'],
  ['a foreign security origin in the pop-up', { securityOrigin: 'https://evil.example' }, 'popup-foreign-origin'],
  ['a look-alike host in the pop-up', { frameUrl: 'https://www.messenger.com.evil.example/' }, 'popup-foreign-origin'],
  ['the pop-up is not the focused window', { popup: { sameService: true, topFrame: true, focused: false } }, 'popup-not-focused'],
  ['the pop-up not focused, even with its service in front', { inFront: true, popup: { sameService: true, topFrame: true, focused: false } }, 'popup-not-focused'],
  ['Wasl is locked', { locked: true }, 'locked'],
  ['calls not allowed for the service', { callsAllowed: false }, 'calls-not-allowed'],
  ['no user gesture in the pop-up', { userGesture: false }, 'no-gesture'],
  ['a second request while one is open', { pickerOpen: true }, 'picker-open'],
  ['the pop-up’s frame is gone', { frameUrl: null }, 'no-frame'],
  ['sound alone from the pop-up', { videoRequested: false }, 'no-video'],
];

describe('refuseShareRequest', () => {
  it.each(ROWS)('%s', (_name, change, expected) => {
    expect(refuseShareRequest({ ...GOOD, ...change })).toBe(expected);
  });

  it.each(POPUP_ROWS)('a call pop-up: %s', (_name, change, expected) => {
    expect(refuseShareRequest({ ...POPUP, ...change })).toBe(expected);
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
