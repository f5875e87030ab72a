import { describe, expect, it } from 'vitest';
import { ElectronNotifier } from '../../../main/electron/notifier';
import { createFakeElectron } from '../../fakes/electron';
import { MemoryLogger } from '../../fakes/logger';

describe('ElectronNotifier', () => {
  it('shows an OS notification and hands its click back', () => {
    const fake = createFakeElectron();
    const notifier = new ElectronNotifier(fake, new MemoryLogger());
    let clicked = 0;
    notifier.show({ title: 'أحمد', body: 'هل الفستان متوفر؟', silent: false, serviceId: 'a', iconUrl: 'https://example.com/a.png' }, () => (clicked += 1));
    expect(fake.notifications.map((n) => [n.options, n.shown])).toEqual([[{ title: 'أحمد', body: 'هل الفستان متوفر؟', silent: false }, true]]);
    fake.notifications[0]?.click();
    expect(clicked).toBe(1);
  });

  it('says so, once per attempt, where the OS has no notifications', () => {
    const fake = createFakeElectron();
    fake.notificationsSupported = false;
    const log = new MemoryLogger();
    new ElectronNotifier(fake, log).show({ title: 'x', silent: false, serviceId: 'a' }, () => undefined);
    expect(fake.notifications).toEqual([]);
    expect(log.count('warn', 'notifications are not supported on this system')).toBe(1);
  });
});
