/**
 * A connector pack's WhatsApp script for the browser tests, bundled as the pack build bundles one (a classic script
 * that hands its connector to PACK_REGISTER): the app's own WhatsApp connector, but every chat title it reads starts
 * with PACK_TAG, so a test tells by what the agent sends that the pack's connector read the page, not the built-in
 * one. As it runs it tells the page (PACK_RUNNING_EVENT, which the page's main world hears too) and notes whether
 * the register function was there for it (PACK_SAW).
 */
import { PACK_REGISTER } from '../../common/pack-register';
import type { Connector } from '../../preload/connectors/types';
import { whatsappConnector } from '../../preload/connectors/whatsapp';
import { PACK_RUNNING_EVENT, PACK_SAW, PACK_TAG } from './test-pack-names';

const tagged: Connector = {
  ...whatsappConnector,
  async read(win) {
    const snapshot = await whatsappConnector.read(win);
    return { ...snapshot, chats: snapshot.chats.map((chat) => ({ ...chat, title: `${PACK_TAG}${chat.title}` })) };
  },
};

const world = globalThis as unknown as Record<string, unknown>;
world[PACK_SAW] = typeof world[PACK_REGISTER];
document.dispatchEvent(new CustomEvent(PACK_RUNNING_EVENT));
(world[PACK_REGISTER] as (connector: Connector) => void)(tagged);
