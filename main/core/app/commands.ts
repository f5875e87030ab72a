/**
 * Every command of the IPC contract and the one part of main that carries it out, in one table keyed by command
 * type: the compiler refuses a table without an owner for a command (test/unit/main/core/app/commands.test.ts then checks
 * each owner does what the command names). The shell dispatches through it; the application menu, the tray and
 * the keyboard shortcuts through ./menu-commands.ts, which adds main's own commands to it.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import type { KeyRecording } from '../desktop/shortcuts';
import type { FindController } from '../find/find';
import type { DownloadsController } from '../downloads/downloads';
import type { LockController } from '../lock/lock';
import type { NotificationCenter } from '../notifications/center';
import type { OutlineRequests } from '../outline/outline';
import type { PackHealth } from '../packs/health';
import type { PeopleController } from '../people/controller';
import type { ScreenSharePicker } from '../screen-share/picker';
import type { ProxyController } from '../services/proxy';
import type { ServiceController } from '../services/services';
import type { DataTransfer } from '../shop/data-transfer';
import type { ShopController } from '../shop/shop';
import type { UpdateController } from '../updates/updates';

type CommandType = Command['type'];
type Handler<T extends CommandType> = (cmd: Extract<Command, { type: T }>) => Promise<CommandResult> | CommandResult;

/** One owner per command type. */
export type CommandTable = { [T in CommandType]: Handler<T> };

export interface CommandTargets {
  services: ServiceController;
  people: PeopleController;
  notifications: NotificationCenter;
  shop: ShopController;
  data: DataTransfer;
  outline: OutlineRequests;
  lock: LockController;
  /** Wasl's own updates: only an installed build has them; elsewhere their commands answer invalid. */
  updates?: UpdateController;
  /** Connector packs: the user's pin of the built-in pack. */
  packs: Pick<PackHealth, 'pinBuiltIn'>;
  /** Checks the connector pack feed now; absent where Wasl has no feed to check (the command answers invalid). */
  checkPacks?: () => Promise<void> | void;
  /** Whether the settings screen is recording a key (the shell's keys then reach it). */
  recording: Pick<KeyRecording, 'set'>;
  /** Find in the page of the service in front. */
  find: Pick<FindController, 'command'>;
  /** The screen-share picker: the user's choice of screen or window. */
  screenShare: Pick<ScreenSharePicker, 'answer'>;
  /** Each service's proxy and its password, and the connection test. */
  proxy: Pick<ProxyController, 'command'>;
  downloads: DownloadsController;
}

const noUpdates: CommandResult = { ok: false, error: 'invalid', detail: 'not-installed' };
const noPackFeed: CommandResult = { ok: false, error: 'invalid', detail: 'no-pack-feed' };

/** Asks for a check of the pack feed and answers once it is over: what it found is in AppState.packs. */
async function checkPacks(check: (() => Promise<void> | void) | undefined): Promise<CommandResult> {
  if (!check) return noPackFeed;
  try {
    await check();
    return { ok: true };
  } catch {
    return { ok: false, error: 'failed' };
  }
}

export function commandTable(t: CommandTargets): CommandTable {
  const service = (cmd: Parameters<ServiceController['command']>[0]) => t.services.command(cmd);
  const people = (cmd: Parameters<PeopleController['command']>[0]) => t.people.command(cmd);
  const shop = (cmd: Parameters<ShopController['command']>[0]) => t.shop.command(cmd);
  const notifications = (cmd: Parameters<NotificationCenter['command']>[0]) => t.notifications.command(cmd);
  const lock = (cmd: Parameters<LockController['command']>[0]) => t.lock.command(cmd);
  const update = (cmd: Parameters<UpdateController['command']>[0]) => (t.updates ? t.updates.command(cmd) : noUpdates);
  const data = (cmd: Parameters<DataTransfer['command']>[0]) => t.data.command(cmd);
  const downloads = (cmd: Parameters<DownloadsController['command']>[0]) => t.downloads.command(cmd);
  return {
    'service.add': service,
    'service.rename': service,
    'service.move': service,
    'service.set': service,
    'service.reload': service,
    'service.zoom': service,
    'service.sleep': service,
    'service.remove': service,
    'service.activate': service,
    'service.openChat': service,
    'service.insertText': service,
    'service.saveOutline': (cmd) => t.outline.save(cmd.id),
    'settings.set': service,
    'notice.dismiss': service,
    'view.inbox': service,
    'people.link': people,
    'people.unlink': people,
    'people.rename': people,
    'people.undo': people,
    'suggestion.dismiss': people,
    'notifications.read': notifications,
    'notifications.clear': notifications,
    'notifications.open': notifications,
    'quickReply.save': shop,
    'quickReply.move': shop,
    'quickReply.delete': shop,
    'product.save': shop,
    'product.move': shop,
    'product.delete': shop,
    'label.save': shop,
    'label.delete': shop,
    'customerField.save': shop,
    'customerField.delete': shop,
    'customerField.move': shop,
    'customer.update': shop,
    'shop.undo': shop,
    'data.export': data,
    'data.import': data,
    'chatLink.save': data,
    'chatLink.copy': (cmd) => t.data.copyLink(cmd),
    'update.check': update,
    'update.install': update,
    'update.dismiss': update,
    'packs.pinBuiltIn': (cmd) => {
      t.packs.pinBuiltIn(cmd.pinned);
      return { ok: true };
    },
    'packs.check': () => checkPacks(t.checkPacks),
    'lock.lock': lock,
    'lock.unlock': lock,
    'lock.set': lock,
    'lock.remove': lock,
    'shortcuts.record': (cmd) => {
      t.recording.set(cmd.recording);
      return { ok: true };
    },
    'find.search': (cmd) => t.find.command(cmd),
    'find.stop': (cmd) => t.find.command(cmd),
    'screenShare.answer': (cmd) => t.screenShare.answer(cmd),
    'proxy.set': (cmd) => t.proxy.command(cmd),
    'proxy.test': (cmd) => t.proxy.command(cmd),
    'download.cancel': downloads,
    'download.open': downloads,
    'download.show': downloads,
    'download.remove': downloads,
    'downloads.clear': downloads,
    'downloads.chooseFolder': downloads,
  };
}

/** Carries out a command through its owner. Locked, Wasl does nothing but take the password. */
export function dispatchCommand(cmd: Command, table: CommandTable, locked: () => boolean): Promise<CommandResult> {
  if (locked() && cmd.type !== 'lock.unlock') return Promise.resolve({ ok: false, error: 'locked' });
  // TypeScript cannot relate a union's member to the table's entry for its type; CommandTable's type guarantees it.
  const handler = table[cmd.type] as (cmd: Command) => Promise<CommandResult> | CommandResult;
  return Promise.resolve(handler(cmd));
}
