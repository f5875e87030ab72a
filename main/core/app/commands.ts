/** Routes each shell command to the part of main that carries it out. */
import type { Command, CommandResult } from '../../../common/ipc';
import type { DataCommand, DataTransfer } from '../shop/data-transfer';
import type { LockCommand, LockController } from '../lock/lock';
import type { NotificationCenter } from '../notifications/center';
import type { OutlineRequests } from '../outline/outline';
import type { PeopleController } from '../people/controller';
import type { ServiceCommand, ServiceController } from '../services/services';
import type { ShopCommand, ShopController } from '../shop/shop';
import type { UpdateCommand, UpdateController } from '../updates/updates';

type PeopleCommand = Parameters<PeopleController['command']>[0];
type NotificationCommand = Parameters<NotificationCenter['command']>[0];

const isPeople = (cmd: Command): cmd is PeopleCommand => cmd.type.startsWith('people.') || cmd.type.startsWith('suggestion.');
const isNotification = (cmd: Command): cmd is NotificationCommand => cmd.type.startsWith('notifications.');
const isShop = (cmd: Command): cmd is ShopCommand =>
  cmd.type.startsWith('quickReply.') || cmd.type.startsWith('label.') || cmd.type === 'customer.update' || cmd.type === 'shop.undo';
const isData = (cmd: Command): cmd is DataCommand => cmd.type.startsWith('data.');
const isLock = (cmd: Command): cmd is LockCommand => cmd.type.startsWith('lock.');
const isUpdate = (cmd: Command): cmd is UpdateCommand => cmd.type.startsWith('update.');

export interface CommandTargets {
  /** Page outlines for bug reports; without them, the command answers not-found. */
  outline?: OutlineRequests;
  services: ServiceController;
  people: PeopleController;
  notifications: NotificationCenter;
  shop: ShopController;
  data: DataTransfer;
  /** The app lock; without one, lock commands answer not-found. */
  lock?: LockController;
  /** Wasl's own updates; without them, update commands answer invalid. */
  updates?: UpdateController;
}

export function dispatchCommand(cmd: Command, targets: CommandTargets): Promise<CommandResult> {
  // Locked, Wasl does nothing but take the password.
  if (targets.lock?.locked === true && cmd.type !== 'lock.unlock') return Promise.resolve({ ok: false, error: 'locked' });
  if (isLock(cmd)) return targets.lock ? targets.lock.command(cmd) : Promise.resolve({ ok: false, error: 'not-found' });
  if (isPeople(cmd)) return Promise.resolve(targets.people.command(cmd));
  if (isNotification(cmd)) return Promise.resolve(targets.notifications.command(cmd));
  if (isShop(cmd)) return Promise.resolve(targets.shop.command(cmd));
  if (isData(cmd)) return targets.data.command(cmd);
  if (isUpdate(cmd)) return targets.updates ? targets.updates.command(cmd) : Promise.resolve({ ok: false, error: 'invalid' });
  if (cmd.type === 'service.saveOutline') return targets.outline ? targets.outline.save(cmd.id) : Promise.resolve({ ok: false, error: 'not-found' });
  return targets.services.command(cmd satisfies ServiceCommand);
}
