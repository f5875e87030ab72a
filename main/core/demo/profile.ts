/**
 * The demo's profile: what a newcomer who cannot sign in to anything sees when Wasl starts with `npm run demo`.
 * Four services (each showing its platform's fixture page, served by main/electron/demo.ts) and a sample shop:
 * its name and hours, greeting and away texts, quick replies with trigger phrases, products, labels, customer
 * fields, and customers with notes. The customers are people the fixture pages list
 * (test/fixtures/platforms/lib/dataset.js), found by their phone numbers; one of them, who writes on every
 * platform, is linked as one person. Pure seed data, in English or Arabic.
 */
import type { Person, ServiceConfig } from '../../../common/model';
import type { UiLanguage } from '../../../common/language';
import type { Customer, QuickReply } from '../../../common/shop/model';
import { phoneEntryKey } from '../../../common/shop/customers';
import type { FieldDef } from '../../../common/shop/fields';
import type { Product } from '../../../common/shop/products';
import { defaultDocument, type PersistedDoc } from '../settings/document';

/** The platforms the demo shows, each once: their fixture pages are what main/electron/demo.ts serves. */
export const DEMO_PLATFORMS = ['whatsapp', 'telegram', 'instagram', 'messenger'] as const;
export type DemoPlatform = (typeof DEMO_PLATFORMS)[number];

/**
 * What changes with the language: the services' and the shop's names, the replies (with the phrases that make
 * Wasl suggest them), the greeting and away texts, the products, the customer fields and the notes.
 */
interface DemoWords {
  services: Record<DemoPlatform, string>;
  shop: string;
  replies: readonly [name: string, body: string, triggers: readonly string[]][];
  greeting: string;
  away: string;
  products: readonly [name: string, amount: string, inStock: boolean][];
  fields: { size: string; city: string; cityOfFirst: string };
  notes: readonly [phone: string, note: string][];
}

const WORDS: Record<UiLanguage, DemoWords> = {
  en: {
    services: { whatsapp: 'Shop', telegram: 'Telegram', instagram: 'Instagram', messenger: 'Facebook' },
    shop: 'Amal Boutique',
    replies: [
      ['Welcome', 'Hello {first_name}! Welcome to {shop}. How can we help?', []],
      ['In stock', 'Yes {first_name}, it is in stock: {product:Blue dress}', ['still available', 'in stock']],
      ['Prices', 'Our prices are in the pinned photo, {first_name}. Tell us the size you need.', ['price', 'how much']],
      ['Delivery', 'We deliver in two to three days. Delivery is free above 200.', ['delivery', 'shipping']],
      ['Thanks', 'Thank you for shopping at {shop}, {first_name}!', []],
    ],
    greeting: 'Hello {first_name}, welcome to {shop}! How can we help?',
    away: 'Thank you for your message! We are closed now and answer from 10 in the morning.',
    products: [
      ['Blue dress', '180', true],
      ['Silk scarf', '45', false],
    ],
    fields: { size: 'Size', city: 'City', cityOfFirst: 'Jeddah' },
    notes: [
      ['+966501000000', 'Asked for the blue dress, size M. Call back when it is in stock.'],
      ['+212601023757', 'Paid by bank transfer. Ship on Monday.'],
      ['+966501047514', 'Regular customer: prefers delivery in the evening.'],
    ],
  },
  ar: {
    services: { whatsapp: 'المتجر', telegram: 'تيليغرام', instagram: 'إنستغرام', messenger: 'فيسبوك' },
    shop: 'بوتيك أمل',
    replies: [
      ['ترحيب', 'أهلاً {first_name}! مرحباً بك في {shop}. كيف نخدمك؟', []],
      ['متوفر', 'نعم يا {first_name}، متوفر: {product:الفستان الأزرق}', ['متوفر', 'still available']],
      ['الأسعار', 'الأسعار في الصورة المثبتة يا {first_name}. أخبرنا بالمقاس المطلوب.', ['السعر', 'price']],
      ['التوصيل', 'التوصيل خلال يومين إلى ثلاثة أيام، ومجاني للطلبات فوق ٢٠٠.', ['توصيل', 'delivery']],
      ['شكر', 'شكراً لتسوقك من {shop} يا {first_name}!', []],
    ],
    greeting: 'أهلاً {first_name}، مرحباً بك في {shop}! كيف نخدمك؟',
    away: 'شكراً لرسالتك! المتجر مغلق الآن ونرد عليك من العاشرة صباحاً.',
    products: [
      ['الفستان الأزرق', '180', true],
      ['وشاح حرير', '45', false],
    ],
    fields: { size: 'المقاس', city: 'المدينة', cityOfFirst: 'جدة' },
    notes: [
      ['+966501000000', 'سأل عن الفستان الأزرق مقاس M. نتصل به عند توفره.'],
      ['+212601023757', 'دفعت بتحويل بنكي. الشحن يوم الاثنين.'],
      ['+966501047514', 'زبونة دائمة: تفضّل التوصيل مساءً.'],
    ],
  },
};

/**
 * The first customer (Ahmed Hassan, the newest chat of every fixture page) on each platform, by the id its connector
 * reports for that chat: linked as one person, as a user links them, so the inbox shows him once.
 */
const LINKED_CHATS: Record<DemoPlatform, string> = {
  whatsapp: '966501000000@c.us',
  telegram: '100000',
  instagram: 'title:Ahmed Hassan',
  messenger: 'e2ee:100000',
};

/** The labels each demo customer has, in the order of the notes. */
const CUSTOMER_LABELS: readonly (readonly string[])[] = [['preset-new-order'], ['preset-paid'], ['preset-order-complete']];

/** The id of the demo's service of `platform`. */
export const demoServiceId = (platform: DemoPlatform): string => `demo-${platform}`;

/** The demo's settings document, in `language`, written to the demo's own profile folder before Wasl reads it. */
export function demoProfile(language: UiLanguage): PersistedDoc {
  const words = WORDS[language];
  const doc = defaultDocument();
  const services: ServiceConfig[] = DEMO_PLATFORMS.map((platform) => ({
    id: demoServiceId(platform),
    platform,
    name: words.services[platform],
    enabled: true,
    muted: false,
    callsAllowed: false,
    alwaysOn: true,
  }));
  const people: Person[] = [{ id: 'demo-person-1', chats: DEMO_PLATFORMS.map((platform) => ({ serviceId: demoServiceId(platform), chatId: LINKED_CHATS[platform] })) }];
  const quickReplies: QuickReply[] = words.replies.map(([name, body, triggers], i) => ({
    id: `demo-reply-${i + 1}`,
    name,
    body,
    ...(triggers.length === 0 ? {} : { triggers: [...triggers] }),
  }));
  const products: Product[] = words.products.map(([name, amount, inStock], i) => ({ id: `demo-product-${i + 1}`, name, price: { amount, currency: 'SAR' }, inStock }));
  const customerFields: FieldDef[] = [
    { id: 'demo-size', name: words.fields.size, type: 'choice', choices: ['S', 'M', 'L', 'XL'] },
    { id: 'demo-city', name: words.fields.city, type: 'text' },
  ];
  const customers: Record<string, Customer> = Object.fromEntries(
    words.notes.map(([phone, note], i) => {
      const customer: Customer = { labels: [...(CUSTOMER_LABELS[i] ?? [])], note, status: 'open', statusAt: 0, priority: i === 0 };
      if (i === 0) customer.fields = { 'demo-size': 'M', 'demo-city': words.fields.cityOfFirst };
      return [phoneEntryKey(phone), customer];
    }),
  );
  return {
    ...doc,
    services,
    activeServiceId: services[0]?.id ?? null,
    view: 'inbox',
    settings: {
      ...doc.settings,
      shop: {
        ...doc.settings.shop,
        name: words.shop,
        hoursEnabled: true,
        hours: Array.from({ length: 7 }, (_, day) => ({ open: day !== 5, from: '10:00', to: '22:00' })),
        greeting: words.greeting,
        away: words.away,
      },
    },
    people,
    quickReplies,
    products,
    customerFields,
    customers,
  };
}
