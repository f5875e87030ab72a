/**
 * The quick reply palette (Ctrl/Cmd+Shift+Space, the menu, the toolbar), in two tabs. Quick replies: search the
 * library, see the chosen reply with its variables filled for the customer of the chat in front (a
 * {product:NAME} with that product's line), and Enter types it into that chat's message box. Products: search the
 * shop's products, and Enter types the chosen one's line (name, price, stock, link). Wasl never sends: the user
 * checks the text and presses send in the service's own page. When the page cannot take it, the palette stays
 * open with the search and the choice as they were.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickReply } from '../../../../common/shop/model';
import { findProduct } from '../../../../common/shop/products';
import { fillTemplate, productsIn, variablesIn } from '../../../../common/shop/templates';
import { Dialog } from '../../components/Dialog';
import { QuickReplyIcon } from '../../components/icons';
import { isolate } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import type { UiStore } from '../../store/ui';
import { PickerFooter, PickerOption, PickerSearch, usePickerList, useTextInsert } from './palette-parts';
import { ProductPicker } from './ProductPicker';
import { useProductLookup } from './ProductVariable';
import { parseQuery, replySearch } from './search';
import { useReplyTarget, type ReplyTarget } from './target';

type PaletteTab = 'replies' | 'products';
const PALETTE_TABS: readonly PaletteTab[] = ['replies', 'products'];

export function ReplyPalette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const replies = useApp((s) => s.quickReplies);
  const [tab, setTab] = useState<PaletteTab>('replies');
  const base = useId();
  return (
    <Dialog title={t('replies.palette.title')} onClose={onClose} size="lg" className="reply-palette">
      <PaletteTabs tab={tab} base={base} onChange={setTab} />
      <div className="palette-panel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`}>
        {tab === 'products' ? <ProductPicker onClose={onClose} /> : replies.length === 0 ? <EmptyLibrary /> : <Picker replies={replies} onClose={onClose} />}
      </div>
    </Dialog>
  );
}

/** Quick replies or products: two tabs, the arrow keys go from one to the other. */
function PaletteTabs({ tab, base, onChange }: { tab: PaletteTab; base: string; onChange: (tab: PaletteTab) => void }) {
  const { t } = useTranslation();
  const buttons = useRef<Partial<Record<PaletteTab, HTMLButtonElement | null>>>({});
  // Chosen with the keyboard, the tab keeps the focus (after the new panel's search took it on mounting); chosen
  // with a click, the search has it, ready to type in.
  const keepFocus = useRef(false);
  useEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    buttons.current[tab]?.focus();
  }, [tab]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    keepFocus.current = true;
    onChange(tab === 'replies' ? 'products' : 'replies');
  };
  const names = { replies: t('replies.palette.tabReplies'), products: t('replies.palette.tabProducts') } as const satisfies Record<PaletteTab, string>;
  return (
    <div className="palette-tabs" role="tablist" aria-label={t('replies.palette.title')} onKeyDown={onKeyDown}>
      {PALETTE_TABS.map((id) => (
        <button
          key={id}
          ref={(element) => {
            buttons.current[id] = element;
          }}
          type="button"
          role="tab"
          id={`${base}-tab-${id}`}
          className="palette-tab"
          aria-selected={id === tab}
          aria-controls={id === tab ? `${base}-panel` : undefined}
          tabIndex={id === tab ? 0 : -1}
          onClick={() => onChange(id)}
        >
          {names[id]}
        </button>
      ))}
    </div>
  );
}

function openLibrary(ui: UiStore): void {
  ui.getState().openDialog({ kind: 'shop', tab: 'replies' });
}

function EmptyLibrary() {
  const { t } = useTranslation();
  const { ui } = useShell();
  return (
    <div className="replies-empty">
      <span className="replies-empty-icon" aria-hidden="true">
        <QuickReplyIcon />
      </span>
      <h3 className="replies-empty-title">{t('replies.palette.emptyTitle')}</h3>
      <p className="replies-empty-text">{t('replies.palette.emptyBody')}</p>
      <button type="button" className="button button-primary" onClick={() => openLibrary(ui)}>
        {t('replies.palette.emptyAction')}
      </button>
    </div>
  );
}

function Picker({ replies, onClose }: { replies: readonly QuickReply[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const target = useReplyTarget();
  const shopName = useApp((s) => s.settings.shop.name);
  const product = useProductLookup();
  const { pending, failure, setFailure, insert: insertText } = useTextInsert(target, onClose);
  const search = useMemo(() => replySearch(replies), [replies]);
  const { listRef, query, results, current, chosen, optionId, setActive, searchProps } = usePickerList(search, () => setFailure(null));
  const values = { name: target?.customerName, shop: shopName, product };
  const filled = chosen === undefined ? '' : fillTemplate(chosen.body, values);

  const insert = (reply: QuickReply) =>
    insertText(fillTemplate(reply.body, values), (service) => t('replies.palette.inserted', { name: isolate(reply.name), service }));

  const typed = parseQuery(query).text === '' ? null : query.trim();
  const resultsText =
    results.length === 0 && typed !== null ? t('replies.palette.noMatch', { query: isolate(typed) }) : t('replies.palette.results', { count: results.length });

  return (
    <>
      <PickerSearch
        {...searchProps}
        label={t('replies.palette.search')}
        placeholder={t('replies.palette.placeholder')}
        resultsText={resultsText}
        onEnter={() => {
          if (chosen !== undefined) void insert(chosen);
        }}
      />
      <div className="reply-palette-body">
        <div ref={listRef} className="reply-results">
          <div role="listbox" id={searchProps.listId} aria-label={t('replies.palette.list')} className="reply-options">
            {results.map((reply, i) => (
              <PickerOption key={reply.id} id={optionId(reply.id)} selected={i === current} className="reply-option" onChoose={() => setActive(i)} onTake={() => void insert(reply)}>
                <span className="reply-option-name">
                  <bdi>{`/${reply.name}`}</bdi>
                </span>
                <span className="reply-option-body">
                  <bdi>{reply.body}</bdi>
                </span>
              </PickerOption>
            ))}
          </div>
          {results.length === 0 ? <p className="reply-no-match">{resultsText}</p> : null}
        </div>
        <section className="reply-preview" aria-label={t('replies.palette.preview')} id={searchProps.previewId}>
          {chosen === undefined ? null : (
            <>
              <h3 className="reply-preview-name" dir="auto">{`/${chosen.name}`}</h3>
              <p className="reply-preview-text" dir="auto">
                {filled}
              </p>
              <Notes body={chosen.body} target={target} shopName={shopName} />
              <MissingProducts body={chosen.body} />
            </>
          )}
        </section>
      </div>
      <PickerFooter
        target={target}
        failure={failure}
        manage={t('replies.palette.manage')}
        onManage={() => openLibrary(ui)}
        canInsert={chosen !== undefined && !pending}
        onInsert={() => {
          if (chosen !== undefined) void insert(chosen);
        }}
      />
    </>
  );
}

/** What the chosen reply's variables cannot be filled with, and how to fix it. */
function Notes({ body, target, shopName }: { body: string; target: ReplyTarget | null; shopName: string }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const used = variablesIn(body);
  const noName = (used.includes('name') || used.includes('first_name')) && target?.customerName === undefined;
  const noShop = used.includes('shop') && shopName.trim() === '';
  if (!noName && !noShop) return null;
  return (
    <ul className="reply-notes">
      {noName ? <li className="reply-note">{t('replies.vars.noName')}</li> : null}
      {noShop ? (
        <li className="reply-note">
          <span>{t('replies.vars.noShop')}</span>
          <button type="button" className="button button-link" onClick={() => ui.getState().openDialog({ kind: 'shop', tab: 'hours' })}>
            {t('replies.vars.setShop')}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

/** The {product:NAME} variables of the chosen reply that name no product: they are typed as written. */
function MissingProducts({ body }: { body: string }) {
  const { t } = useTranslation();
  const { ui } = useShell();
  const products = useApp((s) => s.products);
  const missing = productsIn(body).filter((name) => findProduct(products, name) === undefined);
  if (missing.length === 0) return null;
  return (
    <ul className="reply-notes">
      {missing.map((name) => (
        <li key={name} className="reply-note">
          <span>{t('replies.vars.noProduct', { name: isolate(name) })}</span>
          <button type="button" className="button button-link" onClick={() => ui.getState().openDialog({ kind: 'shop', tab: 'products' })}>
            {t('replies.vars.openProducts')}
          </button>
        </li>
      ))}
    </ul>
  );
}
