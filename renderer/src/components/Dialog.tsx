/**
 * A modal dialog: labelled by its title, focus moved in on open and kept inside, Escape and a click on the
 * backdrop close it, and the focus goes back to whatever opened it. While it is open the service view is hidden
 * (it is a native view drawn above the shell and would cover the dialog).
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlay } from '../store/context';
import { restoreFocus, tabbables, trapTab } from './focus';
import { IconButton } from './IconButton';
import { CloseIcon } from './icons';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Receives the focus on open; otherwise the first focusable element of the content does. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Extra class on the dialog box. */
  className?: string;
}

export function Dialog({ title, onClose, children, size = 'md', initialFocus, className }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  // Read while rendering, before any child's autoFocus can move the focus into the dialog.
  const [opener] = useState(() => document.activeElement);
  useOverlay();

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    if (!box.contains(document.activeElement)) {
      const content = contentRef.current;
      const target = initialFocus?.current ?? (content === null ? undefined : tabbables(content)[0]) ?? box;
      target.focus();
    }
    return () => restoreFocus(opener);
  }, [initialFocus, opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (boxRef.current !== null) trapTab(event, boxRef.current);
  };

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={boxRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`dialog dialog-${size}${className === undefined ? '' : ` ${className}`}`}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <IconButton label={t('common.close')} className="dialog-close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </header>
        <div ref={contentRef} className="dialog-content">
          {children}
        </div>
      </div>
    </div>
  );
}
