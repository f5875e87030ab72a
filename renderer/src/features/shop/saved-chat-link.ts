/**
 * What the chat links tab remembers (settings.shop.chatLinks): the platform last used and, for each platform, the
 * account and message as the owner typed them. The hook holds what the fields show; `save` sends what changed with
 * the settings.set command (on leaving a field, on copying or saving a link, on closing the tab), once even when a
 * blur and a click come before main's answer. The fields follow the settings field by field: a value changed
 * elsewhere (a restored backup) replaces what a field shows, main taking what was sent leaves it alone.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChatLinkSettings, SettingsPatch } from '../../../../common/settings';
import { TAKES_MESSAGE, type ChatLinkPlatform } from '../../../../common/shop/chat-links';
import { useApp, useCommand } from '../../store/context';

interface Entry {
  account: string;
  message: string;
}

/** Each field's value sent and not yet seen in the settings, or null. */
type Pending = Record<keyof Entry, string | null>;

const NOTHING_SENT: Pending = { account: null, message: null };
const FIELDS = ['account', 'message'] as const;

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
  const [pending, setPending] = useState(NOTHING_SENT);
  const [notSaved, setNotSaved] = useState(false);
  if (FIELDS.some((field) => seen[field] !== stored[field])) {
    const still = { ...pending };
    for (const field of FIELDS) {
      if (seen[field] === stored[field]) continue;
      // Main taking what was sent leaves the field alone (the owner may be typing on); a change from elsewhere shows.
      if (pending[field] !== stored[field]) (field === 'account' ? setAccount : setMessage)(stored[field]);
      still[field] = null;
    }
    setSeen(stored);
    setPending(still);
  }

  /** Sends what changed of the entry the fields show (or `entry`), against what main holds or was sent; the platform becomes the one last used. */
  const save = (entry: Entry = { account, message }) => {
    const changed = changedFields(platform, entry, { account: pending.account ?? stored.account, message: pending.message ?? stored.message });
    if (changed === undefined) return;
    setPending({ account: changed.account ?? pending.account, message: changed.message ?? pending.message });
    const patch: ChatLinksPatch = links.last === platform ? { [platform]: changed } : { [platform]: changed, last: platform };
    void command({ type: 'settings.set', shop: { chatLinks: patch } }).then((result) => {
      setNotSaved(!result.ok);
      if (!result.ok) setPending(NOTHING_SENT);
    });
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
    setPending(NOTHING_SENT);
    if (links.last !== next) void command({ type: 'settings.set', shop: { chatLinks: { last: next } } }).then((result) => setNotSaved(!result.ok));
  };

  /** Empties this platform's fields and saves them empty. */
  const clear = () => {
    setAccount('');
    setMessage('');
    save({ account: '', message: '' });
  };

  return { platform, account, message, setAccount, setMessage, notSaved, save, choose, clear };
}
