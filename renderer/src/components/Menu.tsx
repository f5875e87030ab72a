/**
 * A popup menu (role=menu): opens at a point (context menu) or under a button, arrow keys, Home and End move
 * between items, a letter jumps to the next item starting with it, Enter or Space chooses, Escape and Tab close.
 * The focus goes back to whatever opened it. While open, the service view is hidden.
 */
import { useLayoutEffect, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useOverlay, useUi } from '../store/context';
import { restoreFocus } from './focus';
import { CheckIcon } from './icons';

export interface MenuEntry {
  id: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Makes the entry a toggle (menuitemcheckbox) in this state. */
  checked?: boolean;
  danger?: boolean;
  /** Draws a separator before this entry. */
  groupStart?: boolean;
}

/** A point in window coordinates (a right click), or the button the menu drops from. */
export type MenuAnchor = { x: number; y: number } | HTMLElement;

interface MenuProps {
  label: string;
  entries: readonly MenuEntry[];
  anchor: MenuAnchor;
  onClose: () => void;
}

const MARGIN = 8;

function place(menu: HTMLElement, anchor: MenuAnchor): void {
  const rtl = getComputedStyle(menu).direction === 'rtl';
  const { width, height } = menu.getBoundingClientRect();
  let left: number;
  let top: number;
  if (anchor instanceof HTMLElement) {
    const r = anchor.getBoundingClientRect();
    left = rtl ? r.left : r.right - width;
    top = r.bottom + 4;
    if (top + height > window.innerHeight - MARGIN) top = r.top - height - 4;
  } else {
    left = rtl ? anchor.x - width : anchor.x;
    top = anchor.y;
    if (top + height > window.innerHeight - MARGIN) top = anchor.y - height;
  }
  menu.style.left = `${Math.max(MARGIN, Math.min(left, window.innerWidth - width - MARGIN))}px`;
  menu.style.top = `${Math.max(MARGIN, Math.min(top, window.innerHeight - height - MARGIN))}px`;
}

export function Menu({ label, entries, anchor, onClose }: MenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [opener] = useState(() => document.activeElement);
  const dialogOpen = useUi((s) => s.dialog !== null);
  useOverlay();

  // A dialog opened from elsewhere (the application menu) takes over: the menu is done.
  useEffect(() => {
    if (dialogOpen) onClose();
  }, [dialogOpen, onClose]);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (menu === null) return;
    place(menu, anchor);
    menu.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    return () => {
      const active = document.activeElement;
      if (active === null || active === document.body || menu.contains(active)) restoreFocus(opener);
    };
  }, [anchor, opener]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node) || menuRef.current?.contains(target) === true) return;
      // A press on the button that opened the menu is left to that button, which toggles it.
      if (anchor instanceof HTMLElement && anchor.contains(target)) return;
      onClose();
    };
    const dismiss = () => onClose();
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', dismiss);
    window.addEventListener('resize', dismiss);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', dismiss);
      window.removeEventListener('resize', dismiss);
    };
  }, [anchor, onClose]);

  const choose = (entry: MenuEntry) => {
    if (entry.disabled === true) return;
    restoreFocus(opener);
    onClose();
    entry.onSelect();
  };

  const items = (): HTMLElement[] => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.findIndex((el) => el === document.activeElement);
    const focusAt = (index: number) => list[(index + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(at + 1);
        break;
      case 'ArrowUp':
        focusAt(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Escape':
      case 'Tab':
        restoreFocus(opener);
        onClose();
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === ' ') return;
        const letter = event.key.toLocaleLowerCase();
        const order = [...list.slice(at + 1), ...list.slice(0, at + 1)];
        order.find((el) => el.textContent.trim().toLocaleLowerCase().startsWith(letter))?.focus();
        break;
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={menuRef} role="menu" aria-label={label} className="menu" onKeyDown={onKeyDown}>
      {entries.map((entry) => {
        const toggle = entry.checked !== undefined;
        return [
          entry.groupStart === true ? <div key={`${entry.id}-sep`} role="separator" className="menu-separator" /> : null,
          <button
            key={entry.id}
            type="button"
            role={toggle ? 'menuitemcheckbox' : 'menuitem'}
            aria-checked={toggle ? entry.checked : undefined}
            aria-disabled={entry.disabled === true ? true : undefined}
            tabIndex={-1}
            className={entry.danger === true ? 'menu-item is-danger' : 'menu-item'}
            onClick={() => choose(entry)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                event.stopPropagation();
                choose(entry);
              }
            }}
          >
            <span className="menu-check">{entry.checked === true ? <CheckIcon /> : null}</span>
            <span className="menu-label">{entry.label}</span>
          </button>,
        ];
      })}
    </div>
  );
}
