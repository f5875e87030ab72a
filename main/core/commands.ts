/** Routes each shell command to the part of main that carries it out. */
import type { Command, CommandResult } from '../../common/ipc';
import type { NotificationCenter } from './notifications';
import type { PeopleController } from './people-controller';
import type { ServiceController } from './services';

type PeopleCommand = Parameters<PeopleController['command']>[0];
type NotificationCommand = Parameters<NotificationCenter['command']>[0];

const isPeople = (cmd: Command): cmd is PeopleCommand => cmd.type.startsWith('people.') || cmd.type.startsWith('suggestion.');
const isNotification = (cmd: Command): cmd is NotificationCommand => cmd.type.startsWith('notifications.');

export interface CommandTargets {
  services: ServiceController;
  people: PeopleController;
  notifications: NotificationCenter;
}

export function dispatchCommand(cmd: Command, targets: CommandTargets): Promise<CommandResult> {
  if (isPeople(cmd)) return Promise.resolve(targets.people.command(cmd));
  if (isNotification(cmd)) return Promise.resolve(targets.notifications.command(cmd));
  return targets.services.command(cmd);
}
