/**
 * Chat links and their QR codes, for flyers and bios: the platform (the user's accounts first), the number or
 * username, a message to pre-fill where the platform takes one, then the link (always left to right, selectable),
 * Copy, the QR code drawn inline, Save PNG / Save SVG (main draws and writes the file from the link) and Print
 * card: a card with the shop's name and "Scan to chat with us", in the language chosen on the card. Wasl only
 * builds links; nothing is sent. The tab opens on the platform last used, each platform with the account and
 * message last typed for it (./saved-chat-link.ts), saved on leaving a field and on copying or saving the link.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../../common/ipc';
import { PLATFORMS } from '../../../../common/catalog';
import { LIMITS } from '../../../../common/limits';
import { buildChatLink, CHAT_LINK_PLATFORMS, MAX_LINK_LENGTH, TAKES_MESSAGE, type ChatLinkPlatform, type ChatLinkRefusal } from '../../../../common/shop/chat-links';
import { QUIET_ZONE, qrModules, qrPath } from '../../../../common/shop/qr-code';
import { Field } from '../../components/Field';
import { useApp, useCommand, useShell } from '../../store/context';
import { useSavedChatLink } from './saved-chat-link';

type CardLanguage = 'en' | 'ar';

const ACCOUNT_TEXT = {
  whatsapp: 'shop.chatLinks.account.whatsapp',
  messenger: 'shop.chatLinks.account.messenger',
  instagram: 'shop.chatLinks.account.instagram',
  telegram: 'shop.chatLinks.account.telegram',
} as const satisfies Record<ChatLinkPlatform, string>;

const PLACEHOLDER_TEXT = {
  whatsapp: 'shop.chatLinks.placeholder.whatsapp',
  messenger: 'shop.chatLinks.placeholder.messenger',
  instagram: 'shop.chatLinks.placeholder.instagram',
  telegram: 'shop.chatLinks.placeholder.telegram',
} as const satisfies Record<ChatLinkPlatform, string>;

const REFUSAL_TEXT = {
  empty: 'shop.chatLinks.error.empty',
  'no-region': 'shop.chatLinks.error.no-region',
  'invalid-number': 'shop.chatLinks.error.invalid-number',
  length: 'shop.chatLinks.error.length',
  characters: 'shop.chatLinks.error.characters',
  edges: 'shop.chatLinks.error.edges',
  reserved: 'shop.chatLinks.error.reserved',
  'message-too-long': 'shop.chatLinks.error.message-too-long',
} as const satisfies Record<ChatLinkRefusal, string>;

/** The QR code of a link, black on white whatever the theme, so it scans from the screen too. */
export function QrCode({ link, label }: { link: string; label: string }) {
  const modules = useMemo(() => qrModules(link), [link]);
  const side = modules.length + QUIET_ZONE * 2;
  return (
    <svg className="qr-code" role="img" aria-label={label} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </svg>
  );
}

export function ChatLinksTab() {
  const { t, i18n } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const services = useApp((s) => s.services);
  const region = useApp((s) => s.settings.defaultRegion);
  const shopName = useApp((s) => s.settings.shop.name);
  const mine = CHAT_LINK_PLATFORMS.filter((p) => services.some((s) => s.platform === p));
  const { platform, account, message, setAccount, setMessage, notSaved, save: remember, choose, clear } = useSavedChatLink(mine[0] ?? 'whatsapp');
  const [touched, setTouched] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [cardLanguage, setCardLanguage] = useState<CardLanguage>(i18n.language === 'ar' ? 'ar' : 'en');
  const messageId = useId();
  const cardId = useId();
  const accountRef = useRef<HTMLInputElement>(null);

  const built = buildChatLink({ platform, account, message, region });
  const refusal = built.ok || (built.reason === 'empty' && !touched) ? null : t(REFUSAL_TEXT[built.reason]);
  const ordered = [...mine, ...CHAT_LINK_PLATFORMS.filter((p) => !mine.includes(p))];

  const say = (next: { ok: boolean; text: string } | null) => {
    setOutcome(next);
    if (next !== null) ui.getState().announce(next.text);
  };
  const answered = (result: CommandResult, done: string) => {
    if (result.ok) say({ ok: true, text: done });
    else if (result.error !== 'cancelled') say({ ok: false, text: t('shop.chatLinks.failed') });
  };
  const copy = (link: string) => {
    remember();
    void command({ type: 'chatLink.copy', link }).then((r) => answered(r, t('shop.chatLinks.copied')));
  };
  const save = (link: string, format: 'png' | 'svg') => {
    remember();
    void command({ type: 'chatLink.save', link, format }).then((r) => answered(r, t('shop.chatLinks.saved')));
  };
  const card = i18n.getFixedT(cardLanguage);

  return (
    <div className="chat-links shop-tab-body">
      <p className="shop-intro">{t('shop.chatLinks.intro')}</p>
      <div className="field">
        <label htmlFor={`${messageId}-platform`} className="field-label">{t('shop.chatLinks.platform')}</label>
        <select
          id={`${messageId}-platform`}
          className="field-input field-select"
          value={platform}
          onChange={(e) => {
            // A number means nothing on a username platform and back: each platform shows its own entry.
            choose(e.target.value as ChatLinkPlatform);
            setTouched(false);
            setOutcome(null);
          }}
        >
          {ordered.map((p) => (
            <option key={p} value={p}>
              {PLATFORMS[p].name}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t(ACCOUNT_TEXT[platform])}
        hint={platform === 'whatsapp' && region === null ? t('shop.chatLinks.internationalHint') : undefined}
        error={refusal}
        ref={accountRef}
        value={account}
        maxLength={LIMITS.urlChars}
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        inputMode={platform === 'whatsapp' ? 'tel' : 'text'}
        placeholder={t(PLACEHOLDER_TEXT[platform])}
        onChange={(e) => {
          setAccount(e.target.value);
          setOutcome(null);
        }}
        onBlur={() => {
          setTouched(true);
          remember();
        }}
      />
      {TAKES_MESSAGE[platform] ? (
        <div className="field">
          <label htmlFor={messageId} className="field-label">{t('shop.chatLinks.message')}</label>
          <textarea
            id={messageId}
            className="field-input"
            dir="auto"
            rows={3}
            maxLength={MAX_LINK_LENGTH}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            onBlur={() => remember()}
          />
        </div>
      ) : (
        <p className="field-hint">{t('shop.chatLinks.noMessage', { platform: PLATFORMS[platform].name })}</p>
      )}
      {account === '' && message === '' ? null : (
        <div className="shop-buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              clear();
              setTouched(false);
              setOutcome(null);
              accountRef.current?.focus();
            }}
          >
            {t('shop.chatLinks.clear')}
          </button>
        </div>
      )}
      {notSaved ? (
        <p className="shop-result is-error" role="alert">
          {t('shop.hours.notSaved')}
        </p>
      ) : null}
      {built.ok ? (
        <div className="chat-link-result">
          <output className="chat-link" dir="ltr" aria-label={t('shop.chatLinks.link')}>
            {built.link}
          </output>
          <div className="chat-link-share">
            <QrCode link={built.link} label={t('shop.chatLinks.qrLabel', { platform: PLATFORMS[platform].name })} />
            <div className="chat-link-actions">
              <div className="shop-buttons">
                <button type="button" className="button" onClick={() => copy(built.link)}>
                  {t('shop.chatLinks.copy')}
                </button>
                <button type="button" className="button" onClick={() => save(built.link, 'png')}>
                  {t('shop.chatLinks.savePng')}
                </button>
                <button type="button" className="button" onClick={() => save(built.link, 'svg')}>
                  {t('shop.chatLinks.saveSvg')}
                </button>
              </div>
              <div className="shop-buttons">
                <label htmlFor={cardId} className="field-label">
                  {t('shop.chatLinks.cardLanguage')}
                </label>
                <select id={cardId} className="field-input field-select" value={cardLanguage} onChange={(e) => setCardLanguage(e.target.value === 'ar' ? 'ar' : 'en')}>
                  <option value="ar">العربية</option>
                  <option value="en">English</option>
                </select>
                <button type="button" className="button" onClick={() => window.print()}>
                  {t('shop.chatLinks.print')}
                </button>
              </div>
            </div>
          </div>
          {outcome === null ? null : <p className={outcome.ok ? 'shop-result is-ok' : 'shop-result is-error'}>{outcome.text}</p>}
          <section className="chat-link-card" lang={cardLanguage} dir={cardLanguage === 'ar' ? 'rtl' : 'ltr'} aria-label={t('shop.chatLinks.cardPreview')}>
            {shopName === '' ? null : <h2 dir="auto">{shopName}</h2>}
            <p className="chat-link-card-call">{card('shop.chatLinks.card', { platform: PLATFORMS[platform].name })}</p>
            <QrCode link={built.link} label={card('shop.chatLinks.qrLabel', { platform: PLATFORMS[platform].name })} />
            <p className="chat-link-card-link" dir="ltr">
              {built.link.replace(/^https:\/\//u, '').replace(/\?.*$/u, '')}
            </p>
          </section>
        </div>
      ) : null}
    </div>
  );
}
