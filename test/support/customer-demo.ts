/**
 * A shop owner's inbox with what the shop keeps about its customers, for the real-Chromium tests of the inbox's
 * shop features (screenshots, right-to-left geometry): labels, statuses, customers waiting for a reply with their
 * reply windows at every stage (calm, warning, danger, closed), a due reminder, a snoozed customer, a very long
 * Arabic name and a long Latin one, a mixed Arabic/Latin preview and a phone number as a title.
 */
import type { ChatSummary, ServiceConfig } from '../../common/model';
import type { ActivityDoc } from '../../main/core/chats/activity';
import { chatKey } from '../../common/inbox';
import type { TrackedChat } from '../../common/shop/activity';
import { DEFAULT_LABELS, type Customer } from '../../common/shop/model';
import { initialRuntime, type AppState, type ServiceRuntime } from '../../common/state';
import type { ShellHarness } from './shell-harness';

/** Saturday 21 November 2026, 14:20 local time: the page's clock is frozen there. */
export const NOW = new Date(2026, 10, 21, 14, 20).getTime();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const LONG_ARABIC_NAME = 'عبد الرحمن بن محمد بن عبد العزيز — متجر العطور والبخور الفاخر (فرع جدة)';
export const LONG_LATIN_NAME = 'Mohammed Abdulrahman Al-Harbi — wholesale orders (Riyadh branch)';
export const MIXED_PREVIEW = 'أريد طلب iPhone 15 Pro باللون الأزرق';
export const PHONE_TITLE = '+966 55 987 6543';

function account(id: string, platform: ServiceConfig['platform'], name: string): ServiceConfig {
  return { id, platform, name, enabled: true, muted: false, callsAllowed: false };
}

function running(unread: number): ServiceRuntime {
  return { ...initialRuntime(true), status: 'ready', unread, titleUnread: unread, connected: true };
}

const customer = (parts: Partial<Customer>): Customer => ({ labels: [], note: '', status: 'open', statusAt: 0, priority: false, ...parts });
const label = (preset: string) => `preset-${preset}`;

export interface CustomerDemo {
  state: Partial<AppState>;
  chats: Record<string, ChatSummary[]>;
  activity: ActivityDoc;
}

export function customerDemo(): CustomerDemo {
  const services = [account('wa', 'whatsapp', 'Shop'), account('ig', 'instagram', 'Instagram'), account('tg', 'telegram', 'Telegram'), account('fb', 'messenger', 'Messenger')];
  const chats: Record<string, ChatSummary[]> = {
    wa: [
      { id: 'ahmed', title: 'Ahmed Hassan', phone: '+966501234567', preview: 'Is the blue dress still available in size M?', lastActivity: NOW - 2 * MIN, unread: 2 },
      { id: 'long-ar', title: LONG_ARABIC_NAME, phone: '+966551112233', preview: 'هل يمكن توصيل الطلب قبل يوم الخميس؟', lastActivity: NOW - 21 * HOUR, unread: 1 },
      { id: 'fatima', title: 'فاطمة الزهراء', preview: 'شكرًا، وصل الطلب اليوم', lastActivity: NOW - 2 * HOUR, unread: 0 },
      { id: 'layla', title: 'Layla Nasser', preview: 'I will send the transfer receipt tomorrow', lastActivity: NOW - 3 * DAY, unread: 0 },
      { id: 'phone', title: PHONE_TITLE, phone: '+966559876543', preview: MIXED_PREVIEW, lastActivity: NOW - 50 * MIN, unread: 1 },
    ],
    ig: [
      { id: 'ahmed.h', title: 'ahmed.hassan', preview: 'Sent you the photo', lastActivity: NOW - 3 * HOUR, unread: 0 },
      { id: 'long-en', title: LONG_LATIN_NAME, preview: 'Please confirm the price for 40 cartons before the end of the day', lastActivity: NOW - 23.5 * HOUR, unread: 1 },
      { id: 'jose', title: 'José Álvarez', preview: '¿Tienen envío internacional?', lastActivity: NOW - 4 * HOUR, unread: 0 },
    ],
    tg: [{ id: 'supplier', title: 'Guangzhou Textiles Ltd.', preview: 'We sent the new catalogue', lastActivity: NOW - 5 * HOUR, unread: 0 }],
    fb: [{ id: 'sara', title: 'Sara Ali', preview: 'Hello? Is anyone there?', lastActivity: NOW - 2 * DAY - 3 * HOUR, unread: 3 }],
  };
  // What main learned about each chat: who wrote last, and since when the customer waits.
  const tracked = (serviceId: string, chatId: string, activity: Omit<TrackedChat, 'unread' | 'seen'>): [string, TrackedChat] => {
    const chat = chats[serviceId]?.find((c) => c.id === chatId);
    if (chat === undefined) throw new Error(`no chat ${serviceId}/${chatId}`);
    const entry: TrackedChat = { ...activity, unread: chat.unread };
    if (chat.lastActivity !== undefined) entry.seen = chat.lastActivity;
    return [chatKey(serviceId, chatId), entry];
  };
  const activity: ActivityDoc = {
    chats: Object.fromEntries([
      tracked('wa', 'ahmed', { first: NOW - 40 * DAY, lastIn: NOW - 2 * MIN, lastOut: NOW - 30 * MIN, waitingSince: NOW - 25 * MIN }),
      tracked('ig', 'ahmed.h', { first: NOW - 12 * DAY, lastIn: NOW - 3 * HOUR, lastOut: NOW - 3 * HOUR + 5 * MIN }),
      tracked('wa', 'long-ar', { first: NOW - 90 * DAY, lastIn: NOW - 21 * HOUR, waitingSince: NOW - 21 * HOUR }),
      tracked('ig', 'long-en', { first: NOW - 8 * DAY, lastIn: NOW - 23.5 * HOUR, waitingSince: NOW - 23.5 * HOUR }),
      tracked('wa', 'fatima', { first: NOW - 30 * DAY, lastIn: NOW - 3 * HOUR, lastOut: NOW - 2 * HOUR }),
      tracked('wa', 'phone', { first: NOW - 50 * MIN, lastIn: NOW - 50 * MIN, waitingSince: NOW - 50 * MIN }),
      tracked('wa', 'layla', { first: NOW - 20 * DAY, lastIn: NOW - 3 * DAY - HOUR, lastOut: NOW - 3 * DAY }),
      tracked('tg', 'supplier', { first: NOW - 60 * DAY, lastIn: NOW - 6 * HOUR, lastOut: NOW - 5 * HOUR }),
      tracked('fb', 'sara', { first: NOW - 5 * DAY, lastIn: NOW - 2 * DAY - 3 * HOUR, waitingSince: NOW - 2 * DAY - 5 * HOUR }),
    ]),
    days: {},
  };
  const customers: Record<string, Customer> = {
    'person:p-ahmed': customer({ labels: [label('new-order'), label('pending-payment'), label('new-customer')], note: 'Size M, blue. Pays on delivery.' }),
    'chat:wa:long-ar': customer({
      labels: [label('new-customer')],
      note: 'يفضّل التوصيل مساءً بعد الساعة السابعة. العنوان: حي الروضة، شارع الأمير سلطان.',
      reminder: { at: NOW + 2 * HOUR, setAt: NOW - 22 * HOUR, chat: { serviceId: 'wa', chatId: 'long-ar' }, title: LONG_ARABIC_NAME },
    }),
    'chat:wa:fatima': customer({ labels: [label('order-complete')], status: 'done', statusAt: NOW - 2 * HOUR }),
    'chat:tg:supplier': customer({ status: 'awaiting-customer', statusAt: NOW - 5 * HOUR }),
    'chat:wa:layla': customer({
      labels: [label('pending-payment')],
      reminder: { at: NOW - 20 * MIN, setAt: NOW - 3 * DAY, chat: { serviceId: 'wa', chatId: 'layla' }, title: 'Layla Nasser', notified: true },
    }),
    'chat:ig:jose': customer({ reminder: { at: NOW + 19 * HOUR, setAt: NOW - 4 * HOUR, chat: { serviceId: 'ig', chatId: 'jose' }, title: 'José Álvarez' } }),
    'chat:ig:long-en': customer({ labels: [label('new-order')] }),
  };
  return {
    state: {
      services,
      runtime: { wa: running(4), ig: running(1), tg: running(0), fb: running(3) },
      activeServiceId: 'wa',
      view: 'inbox',
      people: [{ id: 'p-ahmed', chats: [{ serviceId: 'wa', chatId: 'ahmed' }, { serviceId: 'ig', chatId: 'ahmed.h' }] }],
      labels: [...DEFAULT_LABELS],
      customers,
    },
    chats,
    activity,
  };
}

/** Each service's connector reports its chats, as main receives them. */
export async function reportChats(shell: ShellHarness, chats: Record<string, ChatSummary[]>): Promise<void> {
  for (const [id, list] of Object.entries(chats)) {
    const unread = list.reduce((n, c) => n + c.unread, 0);
    shell.controller.serviceUpdate(id, { seq: 0, reset: true, loggedIn: true, unread: { direct: unread, indirect: 0 }, upsert: list, remove: [] });
  }
  await shell.settled();
}
