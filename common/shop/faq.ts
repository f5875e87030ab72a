/**
 * Which quick reply answers a customer's message: the owner gives a reply trigger phrases ("how much", "كم السعر",
 * "delivery"), and a message that has one makes Wasl suggest that reply, saying which phrase and which of the
 * customer's words matched. Wasl never sends anything itself. Pure, and run locally.
 *
 * The rules:
 * - Both sides are read in one form (common/identity.ts normalizeName): case; Latin accents; Arabic diacritics and
 *   tatweel; أ إ آ ٱ as ا, ؤ as و, ئ as ي (their hamza is a mark); ى as ي, ة as ه; Persian and Urdu ی and ک as ي and
 *   ك; Arabic-Indic and Persian digits as 0–9; bidi and zero-width marks gone; punctuation (the Arabic ، ؟ ؛ too),
 *   symbols and emoji split words. Only whole words are compared: "art" never matches "party".
 * - Arabic words take their attached prefixes: a trigger word of three letters or more also matches it after و or ف,
 *   then ب, ل or ك, then the article ال ("سعر" in "السعر", "بالسعر", "والسعر", "للسعر"), and a trigger word with the
 *   article matches without it ("السعر" in "سعر"). A word of two letters takes only و or ف ("كم" in "وكم"), since
 *   "بكم" and "لكم" are most often "with you" and "for you" ("أهلاً بكم"). Suffixes are not taken off: the owner
 *   writes the forms they expect ("سعره").
 * - Spelling slips, per word: a trigger word of 4–7 letters matches a word one edit away (a letter added, missing,
 *   changed, or two side by side swapped), one of 8 or more two edits away; a word of 3 letters or fewer, or one
 *   with a digit, only as is. The first letter must be the same ("pric" and "prices" match "price"; "rice" does
 *   not): people rarely mistype it, and many short words differ from each other only there.
 * - A phrase of several words matches when its words come in its order, next to each other or with at most
 *   WINDOW_GAP other words between them in all ("delivery time" in "delivery usually takes time"); further apart,
 *   they are not one question.
 * - The best match wins: one with every word as is beats one with spelling slips, then the longer phrase (more
 *   words, then more letters), then the earlier reply in the library, then the earlier phrase of that reply.
 * - Only the first LIMITS.faqMessageChars characters of a message are read. A matcher compiles the phrases once
 *   and remembers its answer for the last MEMORY messages, so a chat list that changes repeats no work.
 */
import { normalizeName, withoutInvisible } from '../identity';
import { LIMITS } from '../limits';
import type { QuickReply } from './model';

export interface FaqMatch {
  replyId: string;
  /** The trigger phrase as the owner wrote it. */
  trigger: string;
  /** The words of the message that matched it, as the customer wrote them (for "why": shown to the owner). */
  matched: string;
  /** 'exact': every trigger word found as is (after normalization); 'fuzzy': some only within the spelling tolerance. */
  how: 'exact' | 'fuzzy';
}

/** Other words a phrase's words may have between them, in all. */
export const WINDOW_GAP = 2;
/** How many messages a matcher remembers its answer for (chat lists repeat the same last messages). */
const MEMORY = 500;

const ARABIC_WORD = /^[\u0621-\u064a\u066e-\u06d3]+$/u;
const LETTERS_ONLY = /^\p{L}+$/u;
/** A word as a message writes it: everything between spaces, punctuation and symbols. */
const MESSAGE_WORD = /[^\s\p{P}\p{S}]+/gu;

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];
/** Every prefix an Arabic word of three letters or more may carry, longest first (ل with ال is written لل). */
const PREFIXES = [
  ...new Set(
    CONJUNCTIONS.flatMap((c) => PREPOSITIONS.flatMap((p) => ['', 'ال'].map((article) => (p === 'ل' && article === 'ال' ? `${c}لل` : `${c}${p}${article}`)))),
  ),
]
  .filter((prefix) => prefix !== '')
  .sort((a, b) => b.length - a.length);
const SHORT_PREFIXES = new Set(['و', 'ف']);

/** A trigger phrase or a message in compared form: its words, in order, each in normalizeName's form. */
export function phraseWords(text: string): string[] {
  return normalizeName(text).split(' ').filter((word) => word !== '');
}

/** A trigger phrase's compared form, for telling two phrases that read the same (one string, words by spaces). */
export function normalizeTrigger(trigger: string): string {
  return phraseWords(trigger).join(' ');
}

const length = (word: string): number => Array.from(word).length;

/** How many edits a word of this many letters may be away from a trigger word. */
function tolerance(letters: number): number {
  if (letters >= 8) return 2;
  return letters >= 4 ? 1 : 0;
}

/**
 * The Damerau-Levenshtein distance (optimal string alignment) between two words, or `limit + 1` once it is surely
 * more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = new Array<number>(y.length + 1).fill(0);
    current[0] = i;
    let best = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length] ?? limit + 1;
}

/** One trigger word, ready to compare. */
interface TriggerWord {
  word: string;
  /** The word without its article (Arabic), or the word. */
  core: string;
  arabic: boolean;
  coreLength: number;
  /** Edits allowed (0 for short words and words with digits). */
  tolerance: number;
}

function triggerWord(word: string): TriggerWord {
  const arabic = ARABIC_WORD.test(word);
  const core = arabic && word.startsWith('ال') && length(word) - 2 >= 3 ? word.slice(2) : word;
  const coreLength = length(core);
  return { word, core, arabic, coreLength, tolerance: LETTERS_ONLY.test(core) ? tolerance(coreLength) : 0 };
}

interface CompiledTrigger {
  replyId: string;
  trigger: string;
  words: TriggerWord[];
  letters: number;
}

/** One compared word of the message, and where the customer's word it came from is in the message. */
interface MessageWord {
  word: string;
  /** The word without each prefix it may carry (Arabic), with that prefix. */
  stems: { prefix: string; stem: string }[];
  start: number;
  end: number;
}

function messageWords(message: string): MessageWord[] {
  const out: MessageWord[] = [];
  for (const token of message.matchAll(MESSAGE_WORD)) {
    const start = token.index;
    const end = start + token[0].length;
    for (const word of phraseWords(token[0])) {
      const stems = ARABIC_WORD.test(word)
        ? PREFIXES.filter((prefix) => word.startsWith(prefix) && length(word) - prefix.length >= 2).map((prefix) => ({ prefix, stem: word.slice(prefix.length) }))
        : [];
      out.push({ word, stems, start, end });
    }
  }
  return out;
}

/** Where the message's words (or their stems) start with each letter: the only places a trigger word can match. */
function firstLetters(words: readonly MessageWord[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  words.forEach((m, i) => {
    for (const letter of new Set([m.word[0], ...m.stems.map(({ stem }) => stem[0])])) {
      if (letter === undefined) continue;
      const list = index.get(letter);
      if (list === undefined) index.set(letter, [i]);
      else list.push(i);
    }
  });
  return index;
}

type How = 'exact' | 'fuzzy';

function close(candidate: string, target: string, allowed: number): boolean {
  return candidate[0] === target[0] && Math.abs(candidate.length - target.length) <= allowed && editDistance(candidate, target, allowed) <= allowed;
}

/** Whether a prefix may come before this trigger word's core. */
function takes(t: TriggerWord, prefix: string): boolean {
  return t.coreLength >= 3 || (t.coreLength === 2 && SHORT_PREFIXES.has(prefix));
}

/** Whether a message word is this trigger word: as is, within the spelling tolerance, or not. */
function compare(t: TriggerWord, m: MessageWord): How | undefined {
  if (m.word === t.word || m.word === t.core) return 'exact';
  if (t.arabic) {
    for (const { prefix, stem } of m.stems) if (stem === t.core && takes(t, prefix)) return 'exact';
  }
  if (t.tolerance === 0) return undefined;
  if (close(m.word, t.core, t.tolerance) || (t.core !== t.word && close(m.word, t.word, t.tolerance))) return 'fuzzy';
  if (t.arabic) {
    for (const { prefix, stem } of m.stems) if (takes(t, prefix) && close(stem, t.core, t.tolerance)) return 'fuzzy';
  }
  return undefined;
}

interface Found {
  first: number;
  last: number;
  how: How;
}

/** Where in the message the phrase is, best place first (exact, then tightest, then earliest); undefined: nowhere. */
function find(
  words: readonly TriggerWord[],
  message: readonly MessageWord[],
  byFirst: ReadonlyMap<string, readonly number[]>,
  seen: Map<string, (How | undefined)[]>,
): Found | undefined {
  const at = (t: TriggerWord): (How | undefined)[] => {
    let row = seen.get(t.word);
    if (row === undefined) {
      const found: (How | undefined)[] = new Array<How | undefined>(message.length).fill(undefined);
      // Every match, as is or with a slip, starts with the trigger word's first letter (or its core's).
      for (const letter of new Set([t.word[0], t.core[0]])) {
        for (const i of byFirst.get(letter ?? '') ?? []) found[i] ??= compare(t, message[i] as MessageWord);
      }
      row = found;
      seen.set(t.word, row);
    }
    return row;
  };
  const rows = words.map(at);
  const reach = words.length === 1 ? 1 : words.length + WINDOW_GAP;
  /** The phrase's place from `first`, its later words each at the earliest place that takes it (`exactOnly`: as is). */
  const from = (first: number, exactOnly: boolean): Found | undefined => {
    let fuzzy = rows[0]?.[first] === 'fuzzy';
    let last = first;
    for (let w = 1; w < rows.length; w += 1) {
      let next = -1;
      for (let i = last + 1; i < first + reach && i < message.length && next === -1; i += 1) {
        const how = rows[w]?.[i];
        if (how === 'exact' || (how === 'fuzzy' && !exactOnly)) next = i;
      }
      if (next === -1) return undefined;
      fuzzy ||= rows[w]?.[next] === 'fuzzy';
      last = next;
    }
    return { first, last, how: fuzzy ? 'fuzzy' : 'exact' };
  };
  let best: Found | undefined;
  for (let first = 0; first < message.length; first += 1) {
    if (rows[0]?.[first] === undefined) continue;
    // A later word as is beats an earlier one with a slip ("delivery times time"), when it still fits the window.
    const found = from(first, true) ?? from(first, false);
    if (found === undefined) continue;
    if (best === undefined || better(found, best)) best = found;
    if (best.how === 'exact' && best.last - best.first === words.length - 1) break;
  }
  return best;
}

const better = (a: Found, b: Found): boolean => (a.how !== b.how ? a.how === 'exact' : a.last - a.first < b.last - b.first);

/** Compiles the replies' triggers once; the returned function matches one message (the best match, or undefined). */
export function faqMatcher(replies: readonly QuickReply[]): (message: string) => FaqMatch | undefined {
  const compiled: CompiledTrigger[] = [];
  for (const reply of replies) {
    for (const trigger of reply.triggers ?? []) {
      const words = phraseWords(trigger);
      if (words.length > 0) compiled.push({ replyId: reply.id, trigger, words: words.map(triggerWord), letters: words.join('').length });
    }
  }
  // Longest first; the sort is stable, so library order after that: the first exact match found is the best one.
  compiled.sort((a, b) => b.words.length - a.words.length || b.letters - a.letters);
  const memory = new Map<string, FaqMatch | undefined>();

  const match = (text: string): FaqMatch | undefined => {
    const words = messageWords(text);
    const byFirst = firstLetters(words);
    const seen = new Map<string, (How | undefined)[]>();
    let fuzzy: FaqMatch | undefined;
    for (const trigger of compiled) {
      const found = find(trigger.words, words, byFirst, seen);
      if (found === undefined) continue;
      const result: FaqMatch = {
        replyId: trigger.replyId,
        trigger: trigger.trigger,
        matched: withoutInvisible(text.slice(words[found.first]?.start ?? 0, words[found.last]?.end ?? 0)).trim(),
        how: found.how,
      };
      if (found.how === 'exact') return result;
      fuzzy ??= result;
    }
    return fuzzy;
  };

  return (message) => {
    if (compiled.length === 0) return undefined;
    const text = message.slice(0, LIMITS.faqMessageChars);
    if (memory.has(text)) return memory.get(text);
    const result = match(text);
    if (memory.size >= MEMORY) memory.delete(memory.keys().next().value ?? '');
    memory.set(text, result);
    return result;
  };
}
