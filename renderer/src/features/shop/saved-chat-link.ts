/**
 * What the chat links tab remembers (settings.shop.chatLinks): the platform last used and, for each platform, the
 * account and message as the owner typed them. The hook holds what the fields show; `save` sends what changed
 * through `settings.set` (on leaving a field, on copying or saving a link, on closing the tab), once even when a
 * blur and a click come before main's answer; a value changed elsewhere (a restored backup) replaces what the fields show.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChatLinkSettings, SettingsPatch } from '../../../../common/settings';
import { TAKES_MESSAGE, type ChatLinkPlatform } from '../../../../common/shop/chat-links';
import { useApp, useCommand } from '../../store/context';

interface Entry {
  account: string;
  message: string;
}

type ChatLinksPatch = NonNullable<NonNullable<SettingsPatch['shop']>['chatLinks']>;

/** A platform's saved entry; '' for the message of a platform whose links take none. */
function entryOf(links: ChatLinkSettings, platform: ChatLinkPlatform): Entry {
  const entry = links[platform];
  return { account: entry.account, message: 'message' in entry ? entry.message : '' };
}

/** The fields of `entry` that differ from `base`, the message only where the platform takes one. */
function changedFields(platform: ChatLinkPlatform, entry: Entry, base: Entry): Partial<Entry> | undefined {
  const changed: Partial<Entry> = {};
  if (entry.account !== base.account) changed.account = entry.account;
  if (TAKES_MESSAGE[platform] && entry.message !== base.message) changed.message = entry.message;
  return Object.keys(changed).length === 0 ? undefined : changed;
}

/** `first`: the platform to show when none was used yet. */
export function useSavedChatLink(first: ChatLinkPlatform) {
  const command = useCommand();
  const links = useApp((s) => s.settings.shop.chatLinks);
  const [platform, setPlatform] = useState<ChatLinkPlatform>(links.last ?? first);
  const stored = entryOf(links, platform);
  const [account, setAccount] = useState(stored.account);
  const [message, setMessage] = useState(stored.message);
  const [seen, setSeen] = useState(stored);
  // What was sent for this platform and not yet seen in the settings.
  const [pending, setPending] = useState<Entry | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  if (seen.account !== stored.account || seen.message !== stored.message) {
    setSeen(stored);
    setAccount(stored.account);
    setMessage(stored.message);
    setPending(null);
  }

  const send = (patch: ChatLinksPatch, sent: Entry | null) => {
    setPending(sent);
    void command({ type: 'settings.set', shop: { chatLinks: patch } }).then((result) => {
      setNotSaved(!result.ok);
      if (!result.ok) setPending(null);
    });
  };

  /** Sends what changed of the entry the fields show (or `entry`), against what main holds or was sent; the platform becomes the one last used. */
  const save = (entry: Entry = { account, message }) => {
    const changed = changedFields(platform, entry, pending ?? stored);
    if (changed === undefined) return;
    send(links.last === platform ? { [platform]: changed } : { [platform]: changed, last: platform }, entry);
  };

  // Closing the shop tools (Escape, another tab) with the focus in a field gives no blur: what it shows is saved then.
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });
  useEffect(() => () => latestSave.current(), []);

  /** Shows another platform's saved entry, and remembers it as the one last used. */
  const choose = (next: ChatLinkPlatform) => {
    const entry = entryOf(links, next);
    setPlatform(next);
    setSeen(entry);
    setAccount(entry.account);
    setMessage(entry.message);
    setPending(null);
    if (links.last !== next) send({ last: next }, null);
  };

  /** Empties this platform's fields and saves them empty. */
  const clear = () => {
    setAccount('');
    setMessage('');
    save({ account: '', message: '' });
  };

  return { platform, account, message, setAccount, setMessage, notSaved, save, choose, clear };
}
