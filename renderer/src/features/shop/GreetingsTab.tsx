/**
 * The greeting and the away message: two texts Wasl offers on a waiting customer's row (common/shop/suggest.ts) —
 * the greeting when a new customer writes first, the away message when a customer writes while the shop is closed
 * and it still is. Offered, never sent: a click or Tab types it into the chat and the owner presses send. Each is
 * saved when the field loses the focus. Below, how to have WhatsApp Business and Telegram Business send their own
 * greeting and away messages from their servers, which is safe to automate, unlike a desktop app sending.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import { isolateLtr, useFormat } from '../../i18n/format';
import { useApp, useCommand } from '../../store/context';
import type { ShopTab } from '../../store/ui';

type Prepared = 'greeting' | 'away';

function PreparedText({ field, saved }: { field: Prepared; saved: string }) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId();
  const [text, setText] = useState(saved);
  const [error, setError] = useState(false);
  // A text changed elsewhere (a restored backup) replaces what the field shows.
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setText(saved);
  }
  const commit = () => {
    if (text === saved) return;
    void command({ type: 'settings.set', shop: { [field]: text } }).then((result) => setError(!result.ok));
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t(field === 'greeting' ? 'shop.greetings.greeting' : 'shop.greetings.away')}
      </label>
      <textarea
        id={id}
        className="field-input greetings-text"
        dir="auto"
        rows={3}
        maxLength={LIMITS.replyBody}
        value={text}
        placeholder={t(field === 'greeting' ? 'shop.greetings.greetingPlaceholder' : 'shop.greetings.awayPlaceholder')}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t(field === 'greeting' ? 'shop.greetings.greetingHint' : 'shop.greetings.awayHint')}
      </p>
      {error ? (
        <p className="shop-result is-error" role="alert">
          {t('shop.hours.notSaved')}
        </p>
      ) : null}
    </div>
  );
}

/** `onOpenTab`: shows another tab of the shop tools (business hours, quick replies). */
export function GreetingsTab({ onOpenTab }: { onOpenTab: (tab: ShopTab) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shop = useApp((s) => s.settings.shop);
  const platformTitle = useId();
  // Each variable on its own left-to-right run, so an Arabic sentence never wraps one in the middle.
  const variables = format.and(['{name}', '{first_name}', '{shop}'].map(isolateLtr));
  return (
    <div className="shop-tab-body greetings-tab">
      <p className="shop-intro">{t('shop.greetings.intro', { variables })}</p>
      <PreparedText field="greeting" saved={shop.greeting} />
      <PreparedText field="away" saved={shop.away} />
      {shop.hoursEnabled ? null : (
        <p className="shop-result is-ok greetings-hours-off">
          {t('shop.greetings.hoursOff')}{' '}
          <button type="button" className="button button-link" onClick={() => onOpenTab('hours')}>
            {t('shop.greetings.setHours')}
          </button>
        </p>
      )}
      <p className="field-hint">
        {t('shop.greetings.faq')}{' '}
        <button type="button" className="button button-link" onClick={() => onOpenTab('replies')}>
          {t('shop.greetings.openReplies')}
        </button>
      </p>
      <section className="shop-section greetings-platforms" aria-labelledby={platformTitle}>
        <h3 id={platformTitle} className="shop-section-title">
          {t('shop.greetings.platformsTitle')}
        </h3>
        <p className="field-hint">{t('shop.greetings.platformsIntro')}</p>
        <ul className="greetings-platform-list">
          <li>{t('shop.greetings.whatsapp')}</li>
          <li>{t('shop.greetings.telegram')}</li>
        </ul>
      </section>
    </div>
  );
}
