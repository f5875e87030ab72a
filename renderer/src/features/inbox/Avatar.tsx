/**
 * A person's picture: the platform's avatar when it is an https or data: image (the shell's CSP allows no other),
 * otherwise their initials on a colour derived from the name, the same name always getting the same colour.
 */
import { useState } from 'react';
import { normalizeName } from '../../../../common/identity';
import { PersonIcon } from '../../components/icons';

const HUES = 8;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** "Ahmed Ali" → "AA", "José" → "J", "أحمد علي" → "أ" (Arabic letters join, so one is clearer), "+966…" → "". */
function initials(name: string): string {
  const words = name.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const letter = (word: string | undefined) =>
    [...graphemes.segment(word ?? '')].map((g) => g.segment).find((g) => /^\p{L}/u.test(g)) ?? '';
  const first = letter(words[0]);
  if (first === '' || /\p{Script=Arabic}/u.test(first) || words.length < 2) return first.toLocaleUpperCase();
  return `${first}${letter(words[words.length - 1])}`.toLocaleUpperCase();
}

/** One of a few palette colours, picked by the name's comparable form (so "Ahmed" and "AHMED" match). */
function hueOf(name: string): number {
  let hash = 0;
  for (const ch of normalizeName(name)) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % HUES;
}

const usableAvatar = (url: string | undefined): url is string =>
  url !== undefined && (url.startsWith('https://') || url.startsWith('data:image/'));

export function Avatar({ name, url, size = 'md' }: { name: string; url: string | undefined; size?: 'sm' | 'md' }) {
  const [failed, setFailed] = useState<string | null>(null);
  const text = initials(name);
  if (usableAvatar(url) && failed !== url) {
    return (
      <span className={`avatar avatar-${size}`} aria-hidden="true">
        <img src={url} alt="" loading="lazy" referrerPolicy="no-referrer" draggable={false} onError={() => setFailed(url)} />
      </span>
    );
  }
  return (
    <span className={`avatar avatar-${size} avatar-hue-${hueOf(name)}`} aria-hidden="true">
      {text === '' ? <PersonIcon /> : text}
    </span>
  );
}
