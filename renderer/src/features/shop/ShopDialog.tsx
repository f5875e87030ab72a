/**
 * The shop tools, one tab each: quick replies, products, labels, customer fields, business hours, the greeting and
 * away message, chat links, backup and export, the report. The tabs stand in a column at the dialog's start (a row
 * in a narrow window), as many as they are. They follow the WAI-ARIA tabs pattern: the up and down arrows move
 * between them, and so do left and right (mirrored right to left); Home and End jump to the ends.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { SHOP_TABS, type ShopTab } from '../../store/ui';
import { QuickRepliesTab } from '../replies/QuickRepliesTab';
import { ChatLinksTab } from './ChatLinksTab';
import { DataTab } from './DataTab';
import { FieldsTab } from './FieldsTab';
import { GreetingsTab } from './GreetingsTab';
import { HoursTab } from './HoursTab';
import { LabelsTab } from './LabelsTab';
import { ProductsTab } from './ProductsTab';
import { ReportTab } from './ReportTab';

const TAB_TEXT = {
  replies: 'shop.tabs.replies',
  products: 'shop.tabs.products',
  labels: 'shop.tabs.labels',
  fields: 'shop.tabs.fields',
  hours: 'shop.tabs.hours',
  greetings: 'shop.tabs.greetings',
  chatLinks: 'shop.tabs.chatLinks',
  data: 'shop.tabs.data',
  report: 'shop.tabs.report',
} as const satisfies Record<ShopTab, string>;

function TabPanel({ tab, go }: { tab: ShopTab; go: (tab: ShopTab) => void }) {
  switch (tab) {
    case 'replies':
      return <QuickRepliesTab />;
    case 'products':
      return <ProductsTab />;
    case 'labels':
      return <LabelsTab />;
    case 'fields':
      return <FieldsTab />;
    case 'hours':
      return <HoursTab />;
    case 'greetings':
      return <GreetingsTab onOpenTab={go} />;
    case 'chatLinks':
      return <ChatLinksTab />;
    case 'data':
      return <DataTab />;
    case 'report':
      return <ReportTab />;
  }
}

export function ShopDialog({ tab: initial, onClose }: { tab: ShopTab; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<ShopTab>(initial);
  const base = useId();
  const tabs = useRef<Partial<Record<ShopTab, HTMLButtonElement | null>>>({});
  // The dialog opens with the focus on the chosen tab (the report, from the menu), as the tabs pattern has it.
  const selected = useRef<HTMLButtonElement | null>(null);

  const go = (next: ShopTab) => {
    setTab(next);
    tabs.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = SHOP_TABS.indexOf(tab);
    const rtl = i18n.dir() === 'rtl';
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: ShopTab | undefined;
    if (step !== undefined) next = SHOP_TABS[(at + step + SHOP_TABS.length) % SHOP_TABS.length];
    else if (event.key === 'Home') next = SHOP_TABS[0];
    else if (event.key === 'End') next = SHOP_TABS[SHOP_TABS.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    go(next);
  };

  return (
    <Dialog title={t('shop.title')} onClose={onClose} size="lg" className="shop-dialog" initialFocus={selected}>
      <div className="shop-layout">
        <div className="shop-tabs" role="tablist" aria-label={t('shop.title')} aria-orientation="vertical" onKeyDown={onKeyDown}>
          {SHOP_TABS.map((id) => (
            <button
              key={id}
              ref={(element) => {
                tabs.current[id] = element;
                if (id === initial) selected.current = element;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${id}`}
              className="shop-tab"
              aria-selected={id === tab}
              aria-controls={id === tab ? `${base}-panel` : undefined}
              tabIndex={id === tab ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {t(TAB_TEXT[id])}
            </button>
          ))}
        </div>
        <div className="shop-panel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`}>
          <TabPanel tab={tab} go={go} />
        </div>
      </div>
    </Dialog>
  );
}
