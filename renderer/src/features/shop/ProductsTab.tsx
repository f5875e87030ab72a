/**
 * Products: the shop's list of what it sells, each with its price in the user's digits, whether it is in stock,
 * and its link; added and edited in place (the price typed in either digits, its currency chosen, new products
 * starting in the last one's currency or the region's), moved with the arrow buttons, deleted with undo. The quick
 * reply palette types a product's line into a chat; Wasl never sends it.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits';
import {
  currencies,
  defaultCurrency,
  formatPrice,
  isProductUrl,
  priceProblem,
  readAmount,
  type PriceProblem,
  type Product,
} from '../../../../common/shop/products';
import { Field } from '../../components/Field';
import { IconButton } from '../../components/IconButton';
import { ChevronDownIcon, ChevronUpIcon, DeleteIcon, EditIcon, PlusIcon, StoreIcon } from '../../components/icons';
import { isolate, useLocale } from '../../i18n/format';
import { useApp, useCommand, useShell } from '../../store/context';
import { useFocusGoal, type RowAction } from './focus-goal';
import { UndoBar } from './UndoBar';

type Editing = 'new' | { id: string } | null;

const PRICE_TEXT = {
  amount: 'shop.products.error.amount',
  currency: 'shop.products.error.currency',
  decimals: 'shop.products.error.decimals',
} as const satisfies Record<PriceProblem, string>;

export function ProductsTab() {
  const { t } = useTranslation();
  const { ui } = useShell();
  const command = useCommand();
  const locale = useLocale();
  const products = useApp((s) => s.products);
  const shopUndo = useApp((s) => s.shopUndo);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const { goalRef: focusGoalRef, rootRef, newRef, undoRef } = useFocusGoal();
  const announce = (text: string) => ui.getState().announce(text);

  const move = (product: Product, to: number, action: RowAction) => {
    if (to < 0 || to >= products.length) return;
    focusGoalRef.current = { id: product.id, action };
    void command({ type: 'product.move', id: product.id, index: to }).then((result) => {
      announce(result.ok ? t('shop.products.moved', { name: isolate(product.name), position: to + 1, total: products.length }) : t('errors.commandFailed'));
    });
  };

  const remove = (product: Product) => {
    void command({ type: 'product.delete', id: product.id }).then((result) => {
      if (!result.ok) {
        announce(t('errors.commandFailed'));
        return;
      }
      focusGoalRef.current = 'undo';
      setDeleted({ id: product.id, name: product.name });
      announce(t('shop.products.deleted', { name: isolate(product.name) }));
    });
  };

  const saved = (id: string, name: string) => {
    setEditing(null);
    focusGoalRef.current = { id, action: 'edit' };
    announce(t('shop.products.saved', { name: isolate(name) }));
  };

  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, product: Product, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const action = (event.target as HTMLElement).dataset['action'];
    const known: RowAction = action === 'up' || action === 'down' || action === 'delete' ? action : 'edit';
    move(product, event.key === 'ArrowUp' ? index - 1 : index + 1, known);
  };

  const adding = editing === 'new';
  const editingId = editing === null || editing === 'new' ? null : editing.id;
  const startNew = () => {
    setEditing('new');
    setDeleted(null);
  };

  return (
    <div ref={rootRef} className="replies-library products-tab">
      <div className="replies-library-head">
        <p className="replies-library-intro">{t('shop.products.intro')}</p>
        <div className="replies-library-actions">
          <button ref={newRef} type="button" className="button button-primary" disabled={adding} onClick={startNew}>
            <PlusIcon />
            {t('shop.products.new')}
          </button>
        </div>
      </div>
      {deleted !== null && shopUndo === 'product-deleted' ? (
        <UndoBar
          undoneText={t('shop.products.restored', { name: isolate(deleted.name) })}
          buttonRef={undoRef}
          onUndone={() => {
            focusGoalRef.current = { id: deleted.id, action: 'edit' };
            setDeleted(null);
          }}
        >
          {t('shop.products.deleted', { name: isolate(deleted.name) })}
        </UndoBar>
      ) : null}
      {adding ? (
        <div className="replies-new">
          <ProductEditor
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              focusGoalRef.current = 'new';
            }}
          />
        </div>
      ) : null}
      {products.length === 0 && !adding ? (
        <div className="replies-empty">
          <span className="replies-empty-icon" aria-hidden="true">
            <StoreIcon />
          </span>
          <h3 className="replies-empty-title">{t('shop.products.emptyTitle')}</h3>
          <p className="replies-empty-text">{t('shop.products.emptyBody')}</p>
          <button type="button" className="button button-primary" onClick={startNew}>
            <PlusIcon />
            {t('shop.products.first')}
          </button>
        </div>
      ) : (
        <ul className="framed-list replies-list" aria-label={t('shop.products.label')}>
          {products.map((product, index) =>
            editingId === product.id ? (
              <li key={product.id} className="reply-row is-editing" data-row={product.id}>
                <ProductEditor
                  product={product}
                  onSaved={saved}
                  onCancel={() => {
                    setEditing(null);
                    focusGoalRef.current = { id: product.id, action: 'edit' };
                  }}
                />
              </li>
            ) : (
              <li key={product.id} className="reply-row product-row" data-row={product.id} onKeyDown={(event) => onRowKey(event, product, index)}>
                <div className="reply-row-text">
                  <span className="product-row-head">
                    <span className="reply-row-name">
                      <bdi>{product.name}</bdi>
                    </span>
                    <span className="product-price">{formatPrice(product.price, locale)}</span>
                    {product.inStock ? null : <span className="product-stock">{t('shop.products.outOfStock')}</span>}
                  </span>
                  {product.link === undefined && product.photo === undefined ? null : (
                    <span className="product-link" dir="ltr">
                      {product.link ?? product.photo}
                    </span>
                  )}
                </div>
                <div className="reply-row-actions">
                  <IconButton
                    label={t('shop.products.moveUp', { name: isolate(product.name) })}
                    data-action="up"
                    aria-disabled={index === 0}
                    aria-keyshortcuts="Alt+ArrowUp"
                    onClick={() => move(product, index - 1, 'up')}
                  >
                    <ChevronUpIcon />
                  </IconButton>
                  <IconButton
                    label={t('shop.products.moveDown', { name: isolate(product.name) })}
                    data-action="down"
                    aria-disabled={index === products.length - 1}
                    aria-keyshortcuts="Alt+ArrowDown"
                    onClick={() => move(product, index + 1, 'down')}
                  >
                    <ChevronDownIcon />
                  </IconButton>
                  <IconButton label={t('shop.products.edit', { name: isolate(product.name) })} data-action="edit" onClick={() => setEditing({ id: product.id })}>
                    <EditIcon />
                  </IconButton>
                  <IconButton label={t('shop.products.delete', { name: isolate(product.name) })} data-action="delete" className="is-danger" onClick={() => remove(product)}>
                    <DeleteIcon />
                  </IconButton>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

interface EditorProps {
  product?: Product;
  onSaved: (id: string, name: string) => void;
  onCancel: () => void;
}

interface Problems {
  name?: string;
  price?: string;
  link?: string;
  photo?: string;
}

/** A product's fields as a form: checked as main would check them, saved with Enter or Save; Escape cancels. */
function ProductEditor({ product, onSaved, onCancel }: EditorProps) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const products = useApp((s) => s.products);
  const region = useApp((s) => s.settings.defaultRegion);
  const [name, setName] = useState(product?.name ?? '');
  const [amount, setAmount] = useState(product?.price.amount ?? '');
  const [currency, setCurrency] = useState(() => product?.price.currency ?? defaultCurrency(products, region));
  const [link, setLink] = useState(product?.link ?? '');
  const [photo, setPhoto] = useState(product?.photo ?? '');
  const [inStock, setInStock] = useState(product?.inStock ?? true);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const currencyId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  // The first field in error takes the focus once the form shows what is wrong.
  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const options = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    const codes = currencies().includes(currency) ? currencies() : [currency, ...currencies()];
    return codes.map((code) => ({ code, name: names.of(code) ?? code }));
  }, [i18n.language, currency]);

  const check = (): Problems => {
    const found: Problems = {};
    if (name.trim() === '') found.name = t('shop.products.error.name');
    const problem = amount.trim() === '' ? 'amount' : priceProblem({ amount: readAmount(amount), currency });
    if (problem !== undefined) found.price = t(PRICE_TEXT[problem]);
    if (link.trim() !== '' && !isProductUrl(link.trim())) found.link = t('shop.products.error.url');
    if (photo.trim() !== '' && !isProductUrl(photo.trim())) found.photo = t('shop.products.error.url');
    return found;
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    setFailure(null);
    const trimmed = name.trim();
    void command({
      type: 'product.save',
      ...(product === undefined ? {} : { id: product.id }),
      name: trimmed,
      price: { amount: readAmount(amount), currency },
      ...(link.trim() === '' ? {} : { link: link.trim() }),
      ...(photo.trim() === '' ? {} : { photo: photo.trim() }),
      inStock,
    }).then((result) => {
      setPending(false);
      if (result.ok && result.id !== undefined) onSaved(result.id, trimmed);
      else setFailure(!result.ok && result.error === 'full' ? t('shop.products.full', { max: LIMITS.products }) : t('errors.commandFailed'));
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form
      ref={formRef}
      className="product-editor"
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={product === undefined ? t('shop.products.adding') : t('shop.products.editing', { name: isolate(product.name) })}
    >
      <Field
        label={t('shop.products.name')}
        value={name}
        maxLength={LIMITS.productName}
        dir="auto"
        autoComplete="off"
        autoFocus
        placeholder={t('shop.products.namePlaceholder')}
        error={problems.name}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="product-price-fields">
        <Field
          className="product-amount"
          label={t('shop.products.price')}
          value={amount}
          inputMode="decimal"
          dir="ltr"
          autoComplete="off"
          maxLength={20}
          placeholder="45.50"
          error={problems.price}
          onChange={(event) => setAmount(event.target.value)}
        />
        <div className="field product-currency">
          <label htmlFor={currencyId} className="field-label">
            {t('shop.products.currency')}
          </label>
          <select id={currencyId} className="field-input field-select" value={currency} onChange={(event) => setCurrency(event.target.value)}>
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {`${option.code} — ${option.name}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        label={t('shop.products.link')}
        hint={t('shop.products.linkHint')}
        value={link}
        type="url"
        dir="ltr"
        autoComplete="off"
        maxLength={LIMITS.productUrl}
        placeholder="https://"
        error={problems.link}
        onChange={(event) => setLink(event.target.value)}
      />
      <Field
        label={t('shop.products.photo')}
        value={photo}
        type="url"
        dir="ltr"
        autoComplete="off"
        maxLength={LIMITS.productUrl}
        placeholder="https://"
        error={problems.photo}
        onChange={(event) => setPhoto(event.target.value)}
      />
      <label className="switch-row product-stock-switch">
        <span className="switch-label">{t('shop.products.inStock')}</span>
        <input type="checkbox" role="switch" className="switch" checked={inStock} onChange={(event) => setInStock(event.target.checked)} />
      </label>
      {failure === null ? null : (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="label-editor-actions">
        <span className="label-editor-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          {t('shop.products.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('shop.products.save')}
        </button>
      </div>
    </form>
  );
}
