/**
 * What the palette's two pickers (quick replies, products) share: typing a text into the chat in front through
 * main (`service.insertText`; the user presses send), the line that says where it goes or why it did not, and
 * keeping the chosen option in view.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../i18n/format';
import { useCommand, useShell } from '../../store/context';
import type { ReplyTarget } from './target';

/** Keeps `child` in view inside the scrolling `list` (which must be its offset parent). */
export function keepInView(list: HTMLElement, child: HTMLElement): void {
  if (child.offsetTop < list.scrollTop) list.scrollTop = child.offsetTop;
  else if (child.offsetTop + child.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = child.offsetTop + child.offsetHeight - list.clientHeight;
}

export interface TextInsert {
  pending: boolean;
  failure: string | null;
  setFailure: (failure: string | null) => void;
  /** Types `text` into the target's chat; on success announces `done(service)` and closes the palette. */
  insert: (text: string, done: (service: string) => string) => Promise<void>;
}

export function useTextInsert(target: ReplyTarget | null, onClose: () => void): TextInsert {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const insert = async (text: string, done: (service: string) => string) => {
    if (pending) return;
    if (target === null) {
      setFailure(t('replies.palette.noService'));
      return;
    }
    if (text.trim() === '') return;
    setPending(true);
    setFailure(null);
    const service = isolate(target.service.name);
    const result = await command({ type: 'service.insertText', id: target.service.id, text });
    if (result.ok) {
      ui.getState().announce(done(service));
      onClose();
      return;
    }
    setPending(false);
    setFailure(result.error === 'no-composer' ? t('replies.palette.noComposer', { service }) : t('replies.palette.failed', { service }));
  };
  return { pending, failure, setFailure, insert };
}

/** Where the text goes, or why it cannot go anywhere yet, or why it did not. */
export function Where({ target, failure }: { target: ReplyTarget | null; failure: string | null }) {
  const { t } = useTranslation();
  if (failure !== null) {
    return (
      <p className="reply-where is-error" role="alert">
        {failure}
      </p>
    );
  }
  if (target === null) return <p className="reply-where is-warning">{t('replies.palette.noService')}</p>;
  const service = isolate(target.service.name);
  const text =
    target.chatTitle === undefined ? t('replies.palette.toOpen', { service }) : t('replies.palette.to', { name: isolate(target.chatTitle), service });
  return <p className="reply-where">{text}</p>;
}
