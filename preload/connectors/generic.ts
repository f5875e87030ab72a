/**
 * The generic reader: the unread count from the page title's `(N)`; when the title has no count, a mark in it
 * ("* Slack") or a red badge drawn on the favicon means "something unread". It is the whole connector for custom
 * services and the fallback of every platform whose own hooks find nothing. The favicon is read only when the page
 * serves it from its own origin: a cross-origin icon taints the canvas unless its server allows it, and Wasl
 * sends no request for the page to another site; such a page's unread mark comes from its title alone.
 */
import { titleMarksUnread, titleUnread } from '../../common/title';
import { globalsOf, type Connector } from './types';

/** Favicon addresses already looked at, and whether they carry a badge. */
const badgeCache = new Map<string, boolean>();

function isBadgeRed(r: number, g: number, b: number, a: number): boolean {
  return a > 160 && r > 180 && g < 110 && b < 110;
}

function sameOrigin(href: string, origin: string): boolean {
  try {
    return new URL(href).origin === origin;
  } catch {
    return false;
  }
}

/** Whether the favicon shows a red badge: enough red pixels in its top-right corner, and none in the opposite one. */
async function faviconHasBadge(page: Window): Promise<boolean> {
  const win = globalsOf(page);
  const link = win.document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  const href = link?.href;
  if (!href || !sameOrigin(href, win.location.origin)) return false;
  const known = badgeCache.get(href);
  if (known !== undefined) return known;
  const found = await new Promise<boolean>((resolve) => {
    const img = new win.Image();
    img.crossOrigin = 'anonymous';
    img.onload = () => {
      try {
        const size = 32;
        const canvas = win.document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const ctx = canvas.getContext('2d');
        if (!ctx) {
          resolve(false);
          return;
        }
        ctx.drawImage(img, 0, 0, size, size);
        const half = size / 2;
        const redIn = (x: number, y: number): number => {
          const { data } = ctx.getImageData(x, y, half, half);
          let red = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (isBadgeRed(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0)) red += 1;
          }
          return red;
        };
        // A badge sits in a corner (top right); an icon that is red all over (a red brand) is not a badge.
        resolve(redIn(half, 0) >= 12 && redIn(0, half) < 4);
      } catch {
        resolve(false);
      }
    };
    img.onerror = () => resolve(false);
    img.src = href;
  });
  if (badgeCache.size > 64) badgeCache.clear();
  badgeCache.set(href, found);
  return found;
}

export const genericConnector: Connector = {
  platform: 'custom',
  async read(win) {
    const title = win.document.title;
    const direct = titleUnread(title);
    // No count, but a mark in the title ("* Slack") or a badge on the favicon: something is unread.
    const marked = direct === 0 && (titleMarksUnread(title) || (await faviconHasBadge(win)));
    return { loggedIn: true, unread: { direct, indirect: marked ? 1 : 0 }, chats: [] };
  },
  watch(win) {
    return { targets: [win.document.head], attributes: ['href'] };
  },
};
