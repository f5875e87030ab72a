/**
 * The names downloads are saved under: a page's suggested name made safe to use as one file's name in a folder
 * (never a path, never `.` or `..`), and a name no file in the folder has yet ("report (1).pdf"). Pure: the folder
 * is asked through `taken`.
 */

/** Longest name kept (most file systems allow 255 bytes; Arabic letters take two each in UTF-8). */
const MAX_NAME_CHARS = 120;
/** Characters no file name may hold on Windows (and so, for one rule everywhere, on every system), besides control characters. */
const FORBIDDEN = '<>:"/\\|?*';

const allowed = (char: string): boolean => char.charCodeAt(0) >= 0x20 && char !== '\u007f' && !FORBIDDEN.includes(char);
/** Windows's reserved device names, which no file may take whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/iu;

/** The name a download goes by when its page suggests none that can be used. */
export const FALLBACK_NAME = 'download';

/** The last part of a path, as either system writes it (a name shown for a path the save dialog chose). */
export function baseName(filePath: string): string {
  const parts = filePath.split(/[/\\]/u);
  return parts[parts.length - 1] ?? '';
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot) } : { stem: name, extension: '' };
}

/** A page's suggested name as one safe file name: its last part only, without characters a file name cannot hold. */
export function safeFileName(suggested: string): string {
  const cleaned = Array.from(baseName(suggested), (char) => (allowed(char) ? char : '_')).join('').trim().replace(/[. ]+$/u, '');
  // Trailing dots went above, so "." and ".." are empty by now.
  if (cleaned === '') return FALLBACK_NAME;
  if (RESERVED.test(cleaned)) return `_${cleaned}`;
  if (cleaned.length <= MAX_NAME_CHARS) return cleaned;
  const { stem, extension } = splitExtension(cleaned);
  return extension.length < 20 ? stem.slice(0, MAX_NAME_CHARS - extension.length) + extension : cleaned.slice(0, MAX_NAME_CHARS);
}

/** `name`, or the first of "name (1).ext", "name (2).ext"… that `taken` does not know. */
export function uniqueName(name: string, taken: (candidate: string) => boolean, fallbackTag: string): string {
  if (!taken(name)) return name;
  const { stem, extension } = splitExtension(name);
  for (let n = 1; n < 1_000; n += 1) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken(candidate)) return candidate;
  }
  return `${stem} (${fallbackTag})${extension}`;
}
