/**
 * {product:NAME} in quick replies: the editor's product menu (choosing a product puts {product:NAME} at the caret;
 * shown once the shop has products), and the lookup the palette and the editor's preview fill it with: the
 * product's line in the user's language and digits.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { productLookup } from '../../../../common/shop/products';
import { useLocale } from '../../i18n/format';
import { useApp } from '../../store/context';

/** fillTemplate's `product`: a product's line, out of stock said in the UI language, prices in the user's digits. */
export function useProductLookup(): (name: string) => string | undefined {
  const { t } = useTranslation();
  const products = useApp((s) => s.products);
  const locale = useLocale();
  const outOfStock = t('shop.products.outOfStockLine');
  return useMemo(() => productLookup(products, locale, { outOfStock }), [products, locale, outOfStock]);
}

export function ProductVariable({ onPick }: { onPick: (token: string) => void }) {
  const { t } = useTranslation();
  const products = useApp((s) => s.products);
  if (products.length === 0) return null;
  return (
    <select
      className="reply-variable reply-product-variable"
      aria-label={t('replies.editor.product')}
      value=""
      onChange={(event) => {
        if (event.target.value !== '') onPick(`{product:${event.target.value}}`);
      }}
    >
      <option value="">{t('replies.editor.productChoose')}</option>
      {products.map((product) => (
        <option key={product.id} value={product.name}>
          {product.name}
        </option>
      ))}
    </select>
  );
}
