/** Wasl's key combos as Electron accelerators (main/core/desktop/accelerator.ts). */
import { describe, expect, it } from 'vitest';
import { parseCombo } from '../../../../../common/shortcuts';
import { acceleratorOf } from '../../../../../main/core/desktop/accelerator';

const accelerator = (text: string): string => {
  const combo = parseCombo(text);
  if (!combo) throw new Error(`not a combo: ${text}`);
  return acceleratorOf(combo);
};

describe('acceleratorOf', () => {
  it('writes Mod as CmdOrCtrl and the modifiers in Electron’s order', () => {
    expect(accelerator('Mod+Shift+KeyL')).toBe('CmdOrCtrl+Shift+L');
    expect(accelerator('Shift+Alt+Ctrl+KeyW')).toBe('Ctrl+Alt+Shift+W');
    expect(accelerator('Mod+Ctrl+KeyN')).toBe('CmdOrCtrl+Ctrl+N');
  });

  it('names keys as Electron does: digits, punctuation by character, arrows, the rest by name', () => {
    expect(accelerator('Mod+Digit0')).toBe('CmdOrCtrl+0');
    expect(accelerator('Mod+Numpad7')).toBe('CmdOrCtrl+7');
    expect(accelerator('Mod+Slash')).toBe('CmdOrCtrl+/');
    expect(accelerator('Mod+Backslash')).toBe('CmdOrCtrl+\\');
    expect(accelerator('Ctrl+Equal')).toBe('Ctrl+=');
    expect(accelerator('Ctrl+Minus')).toBe('Ctrl+-');
    expect(accelerator('Alt+ArrowUp')).toBe('Alt+Up');
    expect(accelerator('Ctrl+Tab')).toBe('Ctrl+Tab');
    expect(accelerator('Ctrl+PageDown')).toBe('Ctrl+PageDown');
    expect(accelerator('Mod+Shift+Space')).toBe('CmdOrCtrl+Shift+Space');
    expect(accelerator('F6')).toBe('F6');
    expect(accelerator('Shift+Enter')).toBe('Shift+Enter');
  });
});
