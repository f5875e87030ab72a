/**
 * A quick reply's trigger phrases in the library (renderer/src/features/replies/TriggerField.tsx): added with
 * Enter or the button, refused in place with the reason, removed with their × button, saved with the reply (a
 * phrase still typed too), tried against a customer's message, and marked on the library's rows.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuickReply } from '../../common/shop/model';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { named, plain, renderShell, type Rendered } from './render';

const REPLIES: QuickReply[] = [
  { id: 'r1', name: 'prices', body: 'Our price list: …', triggers: ['how much', 'كم السعر'] },
  { id: 'r2', name: 'delivery', body: 'We deliver in two days.' },
  { id: 'r3', name: 'hours', body: 'We open at 10.', triggers: ['opening hours'] },
];

const state = (extra: Partial<AppState> = {}): AppState => appState([service('wa', 'whatsapp', 'WhatsApp')], { quickReplies: REPLIES, ...extra });

const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');

async function editReply(rendered: Rendered, name: string): Promise<HTMLElement> {
  rendered.bridge.action('open-shop');
  const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
  const panel = within(dialog).getByRole('tabpanel');
  await rendered.user.click(within(panel).getByRole('button', { name: named(`Edit “/${name}”`) }));
  return within(panel).getByRole('form', { name: 'Edit quick reply' });
}

const chips = (form: HTMLElement) =>
  within(form).queryAllByRole('listitem').map((li) => plain(li.querySelector('.reply-trigger-text')?.textContent ?? ''));

describe('trigger phrases in the reply editor', () => {
  it('adds phrases with Enter and the button, removes them with ×, and saves the list with the reply', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command) => (command.type === 'quickReply.save' ? { ok: true, id: command.id ?? '' } : { ok: true });
    const form = await editReply(rendered, 'delivery');
    const phrase = within(form).getByRole('textbox', { name: 'Suggest when a customer writes' });
    expect(phrase).toHaveAttribute('dir', 'auto');
    expect(phrase).toHaveAccessibleDescription(/^When a customer's latest message has one of these phrases, Wasl suggests this reply/u);
    expect(within(form).queryByRole('list', { name: 'Phrases that suggest this reply' })).toBeNull();
    expect(within(form).getByRole('button', { name: 'Add phrase' })).toBeDisabled();

    await rendered.user.type(phrase, 'delivery time{Enter}');
    expect(chips(form)).toEqual(['delivery time']);
    expect(phrase).toHaveValue('');
    expect(phrase).toHaveFocus();
    expect(announced()).toBe('Added “delivery time”.');
    // Enter added a phrase: it did not save the reply.
    expect(rendered.bridge.sent('quickReply.save')).toEqual([]);

    await rendered.user.type(phrase, 'بكم التوصيل');
    await rendered.user.click(within(form).getByRole('button', { name: 'Add phrase' }));
    await rendered.user.type(phrase, 'shipping{Enter}');
    expect(chips(form)).toEqual(['delivery time', 'بكم التوصيل', 'shipping']);
    expect(form).toHaveTextContent('3 of 10 phrases');

    await rendered.user.click(within(form).getByRole('button', { name: named('Remove “shipping”') }));
    expect(chips(form)).toEqual(['delivery time', 'بكم التوصيل']);
    expect(phrase).toHaveFocus();
    expect(announced()).toBe('Removed “shipping”.');

    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('quickReply.save')).toEqual([
      { type: 'quickReply.save', id: 'r2', name: 'delivery', body: 'We deliver in two days.', triggers: ['delivery time', 'بكم التوصيل'] },
    ]);
  });

  it('refuses a phrase that is too long, has nothing to match, reads as one already there, or one too many', async () => {
    const rendered = await renderShell(state());
    const form = await editReply(rendered, 'prices');
    expect(chips(form)).toEqual(['how much', 'كم السعر']);
    const phrase = within(form).getByRole('textbox', { name: 'Suggest when a customer writes' });

    await rendered.user.type(phrase, `${'x'.repeat(61)}{Enter}`);
    expect(phrase).toHaveAccessibleDescription(/^Keep a phrase to 60 characters or fewer\./u);
    expect(phrase).toHaveAttribute('aria-invalid', 'true');
    expect(phrase).toHaveValue('x'.repeat(61));

    await rendered.user.clear(phrase);
    expect(phrase).not.toHaveAttribute('aria-invalid');
    await rendered.user.type(phrase, '؟!{Enter}');
    expect(phrase).toHaveAccessibleDescription(/^A phrase needs at least one letter or digit\./u);

    await rendered.user.clear(phrase);
    await rendered.user.type(phrase, 'كَمْ السِّعر؟{Enter}');
    expect(plain(form.querySelector('.field-error')?.textContent ?? '')).toBe('“كَمْ السِّعر؟” reads the same as “كم السعر”, which is already there.');
    expect(chips(form)).toEqual(['how much', 'كم السعر']);

    await rendered.user.clear(phrase);
    for (let i = 0; i < 8; i += 1) await rendered.user.type(phrase, `phrase ${i}{Enter}`);
    expect(chips(form)).toHaveLength(10);
    await rendered.user.type(phrase, 'one more{Enter}');
    expect(phrase).toHaveAccessibleDescription(/^A reply can have at most 10 phrases\./u);
    expect(chips(form)).toHaveLength(10);
  });

  it('saves a phrase still in the field with the others, and refuses to save while that phrase is refused', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command) => (command.type === 'quickReply.save' ? { ok: true, id: command.id ?? '' } : { ok: true });
    const form = await editReply(rendered, 'prices');
    const phrase = within(form).getByRole('textbox', { name: 'Suggest when a customer writes' });
    await rendered.user.type(phrase, 'How Much?');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('quickReply.save')).toEqual([]);
    expect(phrase).toHaveFocus();
    expect(plain(form.querySelector('.field-error')?.textContent ?? '')).toBe('“How Much?” reads the same as “how much”, which is already there.');
    expect(phrase).toHaveAttribute('aria-invalid', 'true');

    await rendered.user.clear(phrase);
    await rendered.user.type(phrase, 'price list');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('quickReply.save')).toEqual([
      { type: 'quickReply.save', id: 'r1', name: 'prices', body: 'Our price list: …', triggers: ['how much', 'كم السعر', 'price list'] },
    ]);
  });

  it('leaves the phrases out of the command when they did not change, so main keeps them', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command) => (command.type === 'quickReply.save' ? { ok: true, id: command.id ?? '' } : { ok: true });
    const form = await editReply(rendered, 'prices');
    const body = within(form).getByRole('textbox', { name: 'Text' });
    await rendered.user.clear(body);
    await rendered.user.type(body, 'New prices');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('quickReply.save')).toEqual([{ type: 'quickReply.save', id: 'r1', name: 'prices', body: 'New prices' }]);
  });

  it('tries a message: which phrase matched which words, a spelling slip, another reply that wins, or none', async () => {
    const rendered = await renderShell(state());
    const form = await editReply(rendered, 'prices');
    const message = within(form).getByRole('textbox', { name: "Try a customer's message" });
    const outcome = () => plain(within(form).getByRole('status').textContent);

    await rendered.user.type(message, 'السلام عليكم، كم السِّعر؟');
    expect(outcome()).toBe('Suggested: “كم السعر” matches “كم السِّعر”.');
    expect(form.querySelector('.reply-trigger-outcome')).toHaveClass('is-match');

    await rendered.user.clear(message);
    await rendered.user.type(message, 'how mutch is it');
    expect(outcome()).toBe('Suggested: “how much” matches “how mutch”, allowing for a spelling slip.');

    await rendered.user.clear(message);
    await rendered.user.type(message, 'is it in stock?');
    expect(outcome()).toBe('Not suggested: no phrase matches this message.');
    expect(form.querySelector('.reply-trigger-outcome')).not.toHaveClass('is-match');

    // A phrase added in the editor counts before it is saved.
    const phrase = within(form).getByRole('textbox', { name: 'Suggest when a customer writes' });
    await rendered.user.type(phrase, 'price list{Enter}');
    await rendered.user.clear(message);
    await rendered.user.type(message, 'send the pricelist? no, the prce list');
    expect(outcome()).toBe('Suggested: “price list” matches “prce list”, allowing for a spelling slip.');

    await rendered.user.clear(message);
    await rendered.user.type(message, 'What are your OPENING HOURS?');
    expect(outcome()).toBe('“/hours” would be suggested instead: its phrase “opening hours” matches “OPENING HOURS”.');
    expect(form.querySelector('.reply-trigger-outcome')).toHaveClass('is-other');
  });

  it('has nothing to try before the reply has a phrase', async () => {
    const rendered = await renderShell(state());
    const form = await editReply(rendered, 'delivery');
    expect(within(form).getByRole('textbox', { name: "Try a customer's message" })).toBeDisabled();
    expect(plain(within(form).getByRole('status').textContent)).toBe('Add a phrase above, then try a message here.');
  });
});

describe('trigger phrases in the library', () => {
  it('marks the replies that have phrases, with how many', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.action('open-shop');
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    const list = within(dialog).getByRole('list', { name: 'Your quick replies' });
    const marks = within(list)
      .getAllByRole('listitem')
      .map((li) => plain(li.querySelector('.reply-row-triggers')?.textContent ?? ''));
    expect(marks).toEqual(['Suggested for 2 phrases', '', 'Suggested for 1 phrase']);
  });

  it('says how many replies an import gave new phrases when it added no reply, and offers to undo it', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command) => {
      if (command.type === 'data.import') rendered.bridge.push({ quickReplies: REPLIES.map((r) => ({ ...r, triggers: [...(r.triggers ?? []), 'from the file'] })), shopUndo: 'replies-imported' });
      return { ok: true };
    };
    rendered.bridge.action('open-shop');
    const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Import…' }));
    expect(plain(dialog.querySelector('.shop-undo-text')?.textContent ?? '')).toBe("Added the file's trigger phrases to 3 replies you already had.");
    expect(within(dialog).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });
});
