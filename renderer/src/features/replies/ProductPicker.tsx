/**
 * The palette's Products tab: search the shop's products by name (as names are matched: case, Arabic letter forms
 * and harakat set aside), see the chosen one's line as the customer will read it (name, price in the user's
 * digits, "out of stock", link), and Enter types that line into the chat in front. Wasl never sends it.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeName } from '../../../../common/identity';
import { formatPrice, productLine, type Product } from '../../../../common/shop/products';
import { StoreIcon } from '../../components/icons';
import { isolate, useLocale } from '../../i18n/format';
import { useApp, useShell } from '../../store/context';
import { PickerFooter, PickerOption, PickerSearch, usePickerList, useTextInsert } from './palette-parts';
import { useReplyTarget } from './target';

/** The products whose name holds every word of the query, those that start with it first; all of them for none. */
export function productSearch(products: readonly Product[], query: string): Product[] {
  const text = normalizeName(query);
  if (text === '') return [...products];
  const words = text.split(' ');
  const found = products.map((product) => ({ product, name: normalizeName(product.name) })).filter(({ name }) => words.every((word) => name.includes(word)));
  return [...found.filter(({ name }) => name.startsWith(text)), ...found.filter(({ name }) => !name.startsWith(text))].map(({ product }) => product);
}

/** No products yet: what the tab is for, and the way to the list in the shop tools. */
function EmptyProducts({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="replies-empty">
      <span className="replies-empty-icon" aria-hidden="true">
        <StoreIcon />
      </span>
      <h3 className="replies-empty-title">{t('replies.products.emptyTitle')}</h3>
      <p className="replies-empty-text">{t('replies.products.emptyBody')}</p>
      <button type="button" className="button button-primary" onClick={onOpen}>
        {t('replies.products.emptyAction')}
      </button>
    </div>
  );
}

export function ProductPicker({ onClose }: { onClose: () => void }) {
  const { ui } = useShell();
  const products = useApp((s) => s.products);
  const open = () => ui.getState().openDialog({ kind: 'shop', tab: 'products' });
  if (products.length === 0) return <EmptyProducts onOpen={open} />;
  return <Picker products={products} onClose={onClose} onManage={open} />;
}

function Picker({ products, onClose, onManage }: { products: readonly Product[]; onClose: () => void; onManage: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = useReplyTarget();
  const { pending, failure, setFailure, insert: insertText } = useTextInsert(target, onClose);
  const search = useCallback((query: string) => productSearch(products, query), [products]);
  const { listRef, query, results, current, chosen, optionId, setActive, searchProps } = usePickerList(search, () => setFailure(null));
  const outOfStock = t('shop.products.outOfStockLine');
  const line = (product: Product) => productLine(product, locale, { outOfStock });

  const insert = (product: Product) => insertText(line(product), (service) => t('replies.products.inserted', { name: isolate(product.name), service }));

  const typed = normalizeName(query) === '' ? null : query.trim();
  const resultsText =
    results.length === 0 && typed !== null ? t('replies.products.noMatch', { query: isolate(typed) }) : t('replies.products.results', { count: results.length });

  return (
    <>
      <PickerSearch
        {...searchProps}
        label={t('replies.products.search')}
        placeholder={t('replies.products.placeholder')}
        resultsText={resultsText}
        onEnter={() => {
          if (chosen !== undefined) void insert(chosen);
        }}
      />
      <div className="reply-palette-body">
        <div ref={listRef} className="reply-results">
          <div role="listbox" id={searchProps.listId} aria-label={t('replies.products.list')} className="reply-options">
            {results.map((product, i) => (
              <PickerOption
                key={product.id}
                id={optionId(product.id)}
                selected={i === current}
                className="reply-option product-option"
                onChoose={() => setActive(i)}
                onTake={() => void insert(product)}
              >
                <span className="reply-option-name">
                  <bdi>{product.name}</bdi>
                </span>
                <span className="product-option-facts">
                  <span className="product-price">{formatPrice(product.price, locale)}</span>
                  {product.inStock ? null : <span className="product-stock">{t('shop.products.outOfStock')}</span>}
                </span>
              </PickerOption>
            ))}
          </div>
          {results.length === 0 ? <p className="reply-no-match">{resultsText}</p> : null}
        </div>
        <section className="reply-preview" aria-label={t('replies.palette.preview')} id={searchProps.previewId}>
          {chosen === undefined ? null : (
            <>
              <h3 className="reply-preview-name" dir="auto">
                {chosen.name}
              </h3>
              <p className="reply-preview-text" dir="auto">
                {line(chosen)}
              </p>
            </>
          )}
        </section>
      </div>
      <PickerFooter
        target={target}
        failure={failure}
        manage={t('replies.products.manage')}
        onManage={onManage}
        canInsert={chosen !== undefined && !pending}
        onInsert={() => {
          if (chosen !== undefined) void insert(chosen);
        }}
      />
    </>
  );
}
