/**
 * Screens that are rarely open (settings, shop tools, report, resources, the reply palette, the keyboard shortcuts)
 * are separate chunks, so the first paint loads only what the inbox needs. While a chunk loads the shell shows a
 * spinner over the window; if it cannot load, a dialog says so instead of leaving the user with nothing.
 */
import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { useOverlay } from '../../store/context';

export const SettingsDialog = lazy(() => import('../settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog })));
export const ShopDialog = lazy(() => import('../shop/ShopDialog').then((m) => ({ default: m.ShopDialog })));
export const ResourcesDialog = lazy(() => import('../resources/ResourcesDialog').then((m) => ({ default: m.ResourcesDialog })));
export const ReplyPalette = lazy(() => import('../replies/ReplyPalette').then((m) => ({ default: m.ReplyPalette })));
export const ShortcutsDialog = lazy(() => import('../shortcuts/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })));

/** While the screen's code loads: a spinner over the window; Escape already closes it, as it will the screen. */
function Loading({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  useOverlay();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" role="status" aria-label={t('common.loading')}>
      <Spinner />
    </div>
  );
}

function LoadFailed({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('errors.screenTitle')} onClose={onClose} size="sm">
      <div className="dialog-body">
        <p>{t('errors.screenBody')}</p>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </Dialog>
  );
}

interface BoundaryProps {
  onClose: () => void;
  children: ReactNode;
}

class LoadBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen of Wasl could not be shown', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailed onClose={this.props.onClose} /> : this.props.children;
  }
}

/** Shows a lazily loaded dialog: a spinner while its code loads, a clear message if it cannot. */
export function LazyDialog({ onClose, children }: BoundaryProps) {
  return (
    <LoadBoundary onClose={onClose}>
      <Suspense fallback={<Loading onClose={onClose} />}>{children}</Suspense>
    </LoadBoundary>
  );
}
