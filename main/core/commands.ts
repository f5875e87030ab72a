/** Routes each shell command to the part of main that carries it out. */
import type { Command, CommandResult } from '../../common/ipc';
import type { DataCommand, DataTransfer } from './data-transfer';
import type { NotificationCenter } from './notifications';
import type { PeopleController } from './people-controller';
import type { ServiceCommand, ServiceController } from './services';
import type { ShopCommand, ShopController } from './shop';

type PeopleCommand = Parameters<PeopleController['command']>[0];
type NotificationCommand = Parameters<NotificationCenter['command']>[0];

const isPeople = (cmd: Command): cmd is PeopleCommand => cmd.type.startsWith('people.') || cmd.type.startsWith('suggestion.');
const isNotification = (cmd: Command): cmd is NotificationCommand => cmd.type.startsWith('notifications.');
const isShop = (cmd: Command): cmd is ShopCommand =>
  cmd.type.startsWith('quickReply.') || cmd.type.startsWith('label.') || cmd.type === 'customer.update' || cmd.type === 'shop.undo';
const isData = (cmd: Command): cmd is DataCommand => cmd.type.startsWith('data.');

export interface CommandTargets {
  services: ServiceController;
  people: PeopleController;
  notifications: NotificationCenter;
  shop: ShopController;
  data: DataTransfer;
}

export function dispatchCommand(cmd: Command, targets: CommandTargets): Promise<CommandResult> {
  if (isPeople(cmd)) return Promise.resolve(targets.people.command(cmd));
  if (isNotification(cmd)) return Promise.resolve(targets.notifications.command(cmd));
  if (isShop(cmd)) return Promise.resolve(targets.shop.command(cmd));
  if (isData(cmd)) return targets.data.command(cmd);
  return targets.services.command(cmd satisfies ServiceCommand);
}
