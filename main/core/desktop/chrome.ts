/**
 * The desktop's chrome around the window: the tray, the app badge and the application menu, kept showing what the
 * state says. It renders the models of ./tray-model.ts and ./app-menu.ts into their ports when the state, the
 * language (or the digits and calendar the settings choose) or the window changes; when the tray would read
 * differently by itself (the shop opens or closes, do-not-disturb ends); and as the memory Wasl uses is sampled now
 * and then, for the tray's tooltip.
 */
import type { ChatsOf } from '../../../common/unread';
import type { HostOs } from '../../../common/state';
import type { MainLocale } from '../../i18n/format';
import type { AppStore } from '../app/app-store';
import type { DesktopPort } from '../app/menu-commands';
import type { Clock, TimerHandle } from '../app/ports';
import { memoUnreadTotal } from '../notifications/unread';
import { appMenuModel, type MenuItemModel } from './app-menu';
import { badgeModel, trayModel, type BadgeModel, type TrayModel } from './tray-model';

/** How often the tray's tooltip learns how much memory Wasl uses (sampling costs a few milliseconds). */
export const MEMORY_SAMPLE_MS = 60_000;

export interface ChromeDeps {
  store: AppStore;
  clock: Clock;
  os: HostOs;
  /** The language main speaks now (the setting, or the system's), and the digits and calendar the settings choose. */
  locale(): MainLocale;
  /** Each service's chats, which the unread total counts (common/unread.ts). */
  chatsOf: ChatsOf;
  /** The memory Wasl uses in all, in KiB. */
  memoryKiB(): number;
  window: Pick<DesktopPort, 'windowShown' | 'onWindowChange'>;
  tray: { show(model: TrayModel): void; destroy(): void };
  badge: { show(model: BadgeModel): void };
  menu: { show(items: MenuItemModel[]): void };
}

export class DesktopChrome {
  private memoryKiB: number | undefined;
  private changeTimer: TimerHandle | undefined;
  private memoryTimer: TimerHandle | undefined;
  private stopped = false;
  private readonly unreadTotal: ReturnType<typeof memoUnreadTotal>;

  constructor(private readonly deps: ChromeDeps) {
    this.unreadTotal = memoUnreadTotal(deps.chatsOf);
  }

  /** Shows everything now, then follows the state, the window, the clock and the memory samples. */
  start(): void {
    const { store, clock, window } = this.deps;
    this.renderTray();
    this.renderMenu();
    store.subscribe((next, prev) => {
      if (next.services !== prev.services || next.activeServiceId !== prev.activeServiceId || next.settings !== prev.settings || next.lock !== prev.lock) {
        this.renderMenu();
      }
      if (
        next.services !== prev.services ||
        next.runtime !== prev.runtime ||
        next.settings !== prev.settings ||
        next.notifications !== prev.notifications ||
        next.lock !== prev.lock ||
        next.update !== prev.update
      ) {
        this.renderTray();
      }
    });
    window.onWindowChange(() => this.renderTray());
    const sample = (): void => {
      this.memoryKiB = this.deps.memoryKiB();
      this.renderTray();
      this.memoryTimer = clock.setTimeout(sample, MEMORY_SAMPLE_MS);
    };
    this.memoryTimer = clock.setTimeout(sample, MEMORY_SAMPLE_MS);
  }

  /** Wasl quits: the tray icon goes, nothing is shown any more, and no timer fires. */
  stop(): void {
    const { clock } = this.deps;
    this.stopped = true;
    this.deps.tray.destroy();
    if (this.changeTimer !== undefined) clock.clearTimeout(this.changeTimer);
    if (this.memoryTimer !== undefined) clock.clearTimeout(this.memoryTimer);
    this.changeTimer = undefined;
    this.memoryTimer = undefined;
  }

  /** The tray and the badge; and a re-render at the next moment the tray changes by itself. */
  private renderTray(): void {
    if (this.stopped) return;
    const { store, clock, window } = this.deps;
    const state = store.getState();
    const locale = this.deps.locale();
    const now = clock.now();
    const total = this.unreadTotal(state);
    const model = trayModel(state, {
      ...locale,
      now,
      total,
      windowShown: window.windowShown(),
      ...(this.memoryKiB === undefined ? {} : { memoryKiB: this.memoryKiB }),
    });
    this.deps.tray.show(model);
    this.deps.badge.show(badgeModel(locale, total));
    if (this.changeTimer !== undefined) clock.clearTimeout(this.changeTimer);
    this.changeTimer = model.changesAt === null ? undefined : clock.setTimeout(() => this.renderTray(), model.changesAt - now + 1);
  }

  private renderMenu(): void {
    if (this.stopped) return;
    const { store, os } = this.deps;
    this.deps.menu.show(appMenuModel(store.getState(), { language: this.deps.locale().language, os }));
  }
}
