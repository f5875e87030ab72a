/** Trigger phrases matched against customers' messages (common/shop/faq.ts), in Arabic and English. */
import { describe, expect, it } from 'vitest';
import { editDistance, faqMatcher, normalizeTrigger } from '../../../../common/shop/faq';
import type { QuickReply } from '../../../../common/shop/model';

const reply = (id: string, ...triggers: string[]): QuickReply => ({ id, name: id, body: `${id} text`, triggers });
const one = (trigger: string) => faqMatcher([reply('r', trigger)]);

describe('a trigger phrase in a message', () => {
  it.each([
    // Case, accents, punctuation.
    ['price', 'What is the PRICE?', 'PRICE', 'exact'],
    ['how much', 'Hi! How much, please?', 'How much', 'exact'],
    ['cafe', 'Is the Café open?', 'Café', 'exact'],
    ['delivery time', 'what is the delivery time?', 'delivery time', 'exact'],
    ['delivery time', 'delivery usually takes time', 'delivery usually takes time', 'exact'],
    // Spelling slips.
    ['delivery', 'do you do delivry', 'delivry', 'fuzzy'],
    ['delivery', 'do you do delievry', 'delievry', 'fuzzy'],
    ['price', 'whats the pric', 'pric', 'fuzzy'],
    ['price', 'prices?', 'prices', 'fuzzy'],
    ['available', 'is it avialable', 'avialable', 'fuzzy'],
    // Diacritics, tatweel, alef forms, ta marbuta, alef maqsura, hamza seats.
    ['السعر', 'كم السِّعْرُ؟', 'السِّعْرُ', 'exact'],
    ['السعر', 'كم الســـعر', 'الســـعر', 'exact'],
    ['أين', 'اين المحل', 'اين', 'exact'],
    ['اين', 'إين المحل', 'إين', 'exact'],
    ['آخر موعد', 'اخر موعد للطلب', 'اخر موعد', 'exact'],
    ['الشحنة', 'وين الشحنه', 'الشحنه', 'exact'],
    ['مستشفى', 'قريب من مستشفي', 'مستشفي', 'exact'],
    ['مسؤول', 'ابي المسوول', 'المسوول', 'exact'],
    ['جائزة', 'فيه جايزه؟', 'جايزه', 'exact'],
    // Persian and Urdu letters, Arabic-Indic and Persian digits.
    ['كيكة', 'عندكم کیکه', 'کیکه', 'exact'],
    ['123', 'طلب رقم ١٢٣ وصل؟', '١٢٣', 'exact'],
    ['١٢٣', 'order 123 please', '123', 'exact'],
    ['order 45', 'order ۴۵?', 'order ۴۵', 'exact'],
    // Attached prefixes and the article.
    ['سعر', 'بالسعر كم', 'بالسعر', 'exact'],
    ['سعر', 'والسعر؟', 'والسعر', 'exact'],
    ['سعر', 'للسعر', 'للسعر', 'exact'],
    ['سعر', 'فبسعر كم', 'فبسعر', 'exact'],
    ['السعر', 'كم سعر الفستان', 'سعر', 'exact'],
    ['التوصيل', 'وبالتوصيل كم؟', 'وبالتوصيل', 'exact'],
    ['كم', 'وكم الشحن', 'وكم', 'exact'],
    ['توصيل', 'هل يوجد توصل', 'توصل', 'fuzzy'],
    ['كم السعر', 'السلام عليكم، كم السعر؟', 'كم السعر', 'exact'],
    // Punctuation and invisible marks.
    ['متى تفتحون', 'متى؟تفتحون؛', 'متى؟تفتحون', 'exact'],
    ['delivery', '\u200fdelivery\u200f?', 'delivery', 'exact'],
    ['cash on delivery', 'Cash-on-delivery ok?', 'Cash-on-delivery', 'exact'],
  ])('%j in %j matches %j (%s)', (trigger, message, matched, how) => {
    expect(one(trigger)(message)).toEqual({ replyId: 'r', trigger, matched, how });
  });

  it.each([
    ['rice', 'price', 'a word differing in its first letter'],
    ['price', 'rice', 'a word differing in its first letter'],
    ['art', 'party tonight', 'a word only inside a longer word'],
    ['كم', 'كما قلت', 'a short word one letter from another'],
    ['كم', 'أهلاً بكم', 'a short word after ب (with you)'],
    ['كم', 'شكرا لكم', 'a short word after ل (for you)'],
    ['سعر', 'شعر طويل', 'a 3-letter word one letter away'],
    ['سعر', 'مسعر', 'a letter before the word that is no prefix'],
    ['سعر', 'سعرها', 'a suffix'],
    ['car', 'cat', 'a 3-letter word one letter away'],
    ['delivery time', 'delivery is free. we are open most of the time', 'a phrase whose words are far apart'],
    ['delivery time', 'time for delivery', 'a phrase in the wrong order'],
    ['100', '1000 pieces', 'a number one digit away'],
    ['order 45', 'order 46', 'a number one digit away'],
    ['delivery', 'deliverance', 'a word three edits away'],
    ['price', 'prone', 'a 5-letter word two edits away'],
  ])('%j does not match %j (%s)', (trigger, message) => {
    expect(one(trigger)(message)).toBeUndefined();
  });

  it('reads only the first 1000 characters of a message', () => {
    const match = one('delivery');
    expect(match(`${'x '.repeat(400)}delivery`)?.matched).toBe('delivery');
    expect(match(`${'x '.repeat(500)}delivery`)).toBeUndefined();
  });

  it('ignores empty triggers and replies with none', () => {
    const match = faqMatcher([reply('a', '', '  ', '؟!'), { id: 'b', name: 'b', body: 'b' }]);
    expect(match('?!')).toBeUndefined();
    expect(match('anything')).toBeUndefined();
    expect(faqMatcher([])('price')).toBeUndefined();
  });
});

describe('the best match', () => {
  it('prefers a match as is to one with spelling slips, whatever the order', () => {
    const match = faqMatcher([reply('fuzzy', 'delivery'), reply('exact', 'delivry')]);
    expect(match('delivry please')).toMatchObject({ replyId: 'exact', how: 'exact' });
  });

  it('prefers the longer phrase, then the earlier reply, then the earlier phrase', () => {
    const replies = [reply('short', 'price'), reply('long', 'price list'), reply('also-short', 'price')];
    expect(faqMatcher(replies)('send the price list')).toMatchObject({ replyId: 'long', trigger: 'price list' });
    expect(faqMatcher(replies)('the price?')).toMatchObject({ replyId: 'short' });
    expect(faqMatcher([reply('x', 'hours', 'open')])('open hours')).toMatchObject({ trigger: 'hours' });
    expect(faqMatcher([reply('x', 'open', 'close')])('open or close')).toMatchObject({ trigger: 'close' });
  });

  it('prefers more letters among phrases of as many words', () => {
    const match = faqMatcher([reply('a', 'كم'), reply('b', 'التوصيل')]);
    expect(match('كم التوصيل')).toMatchObject({ replyId: 'b', matched: 'التوصيل' });
  });

  it('takes the tightest place a phrase is in, and says the customer words there', () => {
    const match = one('delivery time');
    expect(match('Delivery, then time... and DELIVERY TIME?')).toMatchObject({ matched: 'DELIVERY TIME', how: 'exact' });
    expect(match('delivry time or delivery  time')).toMatchObject({ matched: 'delivery  time', how: 'exact' });
    expect(match('delivery times time')).toMatchObject({ matched: 'delivery times time', how: 'exact' });
    expect(match('delivery times')).toMatchObject({ matched: 'delivery times', how: 'fuzzy' });
    // The word as is lies past the window: the slip within it is taken.
    expect(match('delivery times, one two three time')).toMatchObject({ matched: 'delivery times', how: 'fuzzy' });
  });

  it('answers the same for the same message (remembered) and for a new list of replies', () => {
    const match = one('price');
    expect(match('price?')).toEqual(match('price?'));
    expect(faqMatcher([reply('r')])('price?')).toBeUndefined();
  });
});

describe('the pieces', () => {
  it('measures edits, swaps counting as one', () => {
    expect(editDistance('delivery', 'delivry', 2)).toBe(1);
    expect(editDistance('delivery', 'delievry', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('price', 'prone', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });

  it('reads two phrases that differ only in writing as one', () => {
    expect(normalizeTrigger('  كم السِّعر؟ ')).toBe(normalizeTrigger('كم السعر'));
    expect(normalizeTrigger('How MUCH!')).toBe('how much');
    expect(normalizeTrigger('?!')).toBe('');
  });
});
