/**
 * Text widths for laying out the chart before it is drawn: measured in the font the language is shown in
 * (base.css: --font-arabic for Arabic, --font-ui otherwise) where a canvas can (Chromium), estimated generously
 * where none can (jsdom).
 */
import { textWidth } from './chart';

export function textMeasurer(fontSize: number, language: string): (text: string) => number {
  const context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (context === null) return (text) => textWidth(text, fontSize);
  const family = getComputedStyle(document.documentElement).getPropertyValue(language === 'ar' ? '--font-arabic' : '--font-ui');
  context.font = `${fontSize}px ${family}`;
  return (text) => Math.ceil(context.measureText(text).width);
}
