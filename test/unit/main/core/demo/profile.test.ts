/**
 * The demo's seed: a valid settings document, in English or Arabic, whose customers are people the fixture pages
 * list, one of them linked as one person across the demo's services (that those are chats the pages' connectors
 * report is tested in real Chromium: test/browser/demo.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { phoneEntryKey } from '../../../../../common/shop/customers';
import { createSuggester } from '../../../../../common/shop/suggest';
import { fillTemplate } from '../../../../../common/shop/templates';
import { DEMO_PLATFORMS, demoProfile, demoServiceId } from '../../../../../main/core/demo/profile';
import { readDocument, toDisk } from '../../../../../main/core/settings/document';
import { makeChats } from '../../../../fixtures/platforms/lib/dataset.js';

describe('demoProfile', () => {
  it.each(['en', 'ar'] as const)('is a settings document Wasl reads back as written (%s)', (language) => {
    const doc = demoProfile(language);
    const read = readDocument(JSON.parse(JSON.stringify(toDisk(doc))));
    expect(read.doc).toEqual(doc);
    expect(doc.services.map((s) => s.platform)).toEqual([...DEMO_PLATFORMS]);
  });

  it('names the services, the shop and the replies in Arabic for an Arabic system', () => {
    const doc = demoProfile('ar');
    expect(doc.settings.shop.name).toBe('بوتيك أمل');
    expect(doc.services[0]?.name).toBe('المتجر');
    expect(doc.quickReplies[0]?.body).toContain('{shop}');
  });

  it('keeps notes on customers the fixture pages show, by their phone numbers', () => {
    const phones = new Set(makeChats(300).map((chat) => chat.phone).filter((phone) => phone !== undefined).map(phoneEntryKey));
    const keys = Object.keys(demoProfile('en').customers);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(phones.has(key), key).toBe(true);
  });

  it('links one person with one chat on each of the demo’s services, the same in either language', () => {
    const { people, services } = demoProfile('en');
    expect(people).toHaveLength(1);
    expect(people[0]?.chats.map((chat) => chat.serviceId)).toEqual(services.map((service) => service.id));
    expect(services.map((service) => service.id)).toEqual(DEMO_PLATFORMS.map(demoServiceId));
    expect(demoProfile('ar').people).toEqual(people);
  });

  it.each(['en', 'ar'] as const)('suggests the in-stock reply to the newest customer’s question, filled with a product it has (%s)', (language) => {
    const doc = demoProfile(language);
    const question = makeChats(1)[0]?.preview;
    const found = createSuggester(doc.settings.shop, doc.quickReplies)({ waiting: 1, lastOut: undefined, newAt: undefined, message: question }, 1);
    expect(found?.kind).toBe('faq');
    const product = (name: string) => doc.products.find((p) => p.name === name);
    const filled = fillTemplate(found?.body ?? '', { name: 'Ahmed Hassan', product: (name) => (product(name) === undefined ? undefined : name) });
    expect(filled).not.toContain('{product:');
    expect(doc.customerFields.map((f) => f.id)).toEqual(Object.keys(Object.values(doc.customers)[0]?.fields ?? {}));
  });
});
