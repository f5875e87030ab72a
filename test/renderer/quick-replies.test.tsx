/**
 * Quick replies in the shell: the palette (search with Arabic variants and "/name", the filled preview, Enter
 * types into the open chat through main, what it says when the page has no message box) and the library tab
 * (create and edit with validation, reorder with buttons and Alt+arrows, delete with undo, import messages).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { Command, CommandResult } from '../../common/ipc';
import type { QuickReply } from '../../common/shop/model';
import type { AppState } from '../../common/state';
import { appState, service } from './fake-bridge';
import { chat, snapshot } from './inbox-data';
import { named, plain, renderShell, type Rendered } from './render';

const REPLIES: QuickReply[] = [
  { id: 'r1', name: 'welcome', body: 'Hello {first_name}, welcome to {shop}!' },
  { id: 'r2', name: 'أسعار', body: 'قائمة الأسعار: القميص ٥٠ ريالًا.' },
  { id: 'r3', name: 'delivery', body: 'We deliver in two days.' },
  { id: 'r4', name: 'hours', body: 'Open daily from 9; delivery on Fridays too.' },
];

function state(extra: Partial<AppState> = {}, shopName = 'Rose Boutique'): AppState {
  return appState([service('wa', 'whatsapp', 'WhatsApp')], {
    quickReplies: REPLIES,
    settings: { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: shopName } },
    ...extra,
  });
}

/** WhatsApp with Sara Ahmed's chat open. */
const SARA_OPEN = { wa: snapshot([chat('c1', 'Sara Ahmed', { kind: 'direct' }), chat('g1', 'Family', { kind: 'group' })], { activeChatId: 'c1' }) };

const announced = () => plain(document.querySelector('[aria-live] span:last-child')?.textContent ?? '');

async function openPalette(rendered: Rendered): Promise<HTMLElement> {
  rendered.bridge.action('quick-replies');
  return screen.findByRole('dialog', { name: 'Quick replies' });
}

const optionNames = (dialog: HTMLElement) => within(dialog).queryAllByRole('option').map((o) => plain(o.querySelector('.reply-option-name')?.textContent ?? ''));

describe('the palette', () => {
  it('finds replies by name or text, whatever the Arabic letter forms, and "/" searches names only', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    const dialog = await openPalette(rendered);
    const search = within(dialog).getByRole('combobox', { name: 'Search quick replies' });
    expect(search).toHaveFocus();
    expect(optionNames(dialog)).toEqual(['/welcome', '/أسعار', '/delivery', '/hours']);

    // Without the hamza, as people type it.
    await rendered.user.type(search, 'اسعار');
    expect(optionNames(dialog)).toEqual(['/أسعار']);

    await rendered.user.clear(search);
    await rendered.user.type(search, 'delivery');
    expect(optionNames(dialog)).toEqual(['/delivery', '/hours']);

    await rendered.user.clear(search);
    await rendered.user.type(search, '/deliv');
    expect(optionNames(dialog)).toEqual(['/delivery']);

    await rendered.user.clear(search);
    await rendered.user.type(search, 'zzzz');
    expect(optionNames(dialog)).toEqual([]);
    expect(plain(dialog.querySelector('.reply-no-match')?.textContent ?? '')).toBe('No reply matches “zzzz”.');
    expect(within(dialog).getByRole('button', { name: 'Insert into chat' })).toBeDisabled();
  });

  it('previews the filled text, moves with the arrows, and Enter types it into the open chat', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    const dialog = await openPalette(rendered);
    const search = within(dialog).getByRole('combobox');
    const preview = within(dialog).getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Hello Sara, welcome to Rose Boutique!');
    expect(plain(within(dialog).getByText(/Goes into the chat with/u).textContent)).toBe('Goes into the chat with Sara Ahmed in WhatsApp. You press send.');

    await rendered.user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(dialog).getByRole('option', { selected: true })).toHaveTextContent('/delivery');
    expect(search).toHaveAttribute('aria-activedescendant', within(dialog).getByRole('option', { selected: true }).id);
    await rendered.user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(within(dialog).getByRole('option', { selected: true })).toHaveTextContent('/hours');
    await rendered.user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('option', { selected: true })).toHaveTextContent('/welcome');

    await rendered.user.keyboard('{Enter}');
    expect(rendered.bridge.sent('service.insertText')).toEqual([{ type: 'service.insertText', id: 'wa', text: 'Hello Sara, welcome to Rose Boutique!' }]);
    expect(rendered.bridge.sent('service.insertText')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(announced()).toBe('“/welcome” is in the message box of WhatsApp: check it, then press send.');
  });

  it('says to open a chat when the page has no message box, and keeps the search and the choice', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    let answer: CommandResult = { ok: false, error: 'no-composer' };
    rendered.bridge.respond = (command: Command) => (command.type === 'service.insertText' ? answer : { ok: true });
    const dialog = await openPalette(rendered);
    const search = within(dialog).getByRole('combobox');
    await rendered.user.type(search, '/hours{Enter}');
    expect(plain(within(dialog).getByRole('alert').textContent)).toBe('Open a chat in WhatsApp first, then choose the reply again.');
    expect(screen.getByRole('dialog', { name: 'Quick replies' })).toBe(dialog);
    expect(search).toHaveValue('/hours');
    expect(within(dialog).getByRole('option', { selected: true })).toHaveTextContent('/hours');

    answer = { ok: false, error: 'failed' };
    await rendered.user.keyboard('{Enter}');
    expect(plain(within(dialog).getByRole('alert').textContent)).toBe("The reply couldn't be typed into WhatsApp. Please try again.");
    expect(rendered.bridge.sent('service.insertText')).toHaveLength(2);

    answer = { ok: true };
    await rendered.user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("leaves out the customer's name in a group, and says where to set a missing shop name", async () => {
    const group = { wa: snapshot([chat('g1', 'Family', { kind: 'group' })], { activeChatId: 'g1' }) };
    const rendered = await renderShell(state({}, ''), group);
    const dialog = await openPalette(rendered);
    expect(within(dialog).getByRole('region', { name: 'Preview' })).toHaveTextContent('Hello, welcome to!');
    expect(dialog).toHaveTextContent('No customer name to fill in: {name} and {first_name} are left out.');
    expect(dialog).toHaveTextContent("{shop} stays empty: your shop's name isn't set.");
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Set the shop name' }));
    const shop = await screen.findByRole('dialog', { name: 'Shop tools' });
    expect(within(shop).getByRole('tab', { name: 'Shop & hours' })).toHaveAttribute('aria-selected', 'true');
  });

  it('from the inbox, types into the service the user came from', async () => {
    const rendered = await renderShell(state({ view: 'inbox' }), SARA_OPEN);
    const dialog = await openPalette(rendered);
    await rendered.user.keyboard('{Enter}');
    expect(rendered.bridge.sent('service.insertText')).toEqual([{ type: 'service.insertText', id: 'wa', text: 'Hello Sara, welcome to Rose Boutique!' }]);
    expect(dialog).not.toBeInTheDocument();
  });

  it('with no service to type into, says so and sends nothing', async () => {
    const rendered = await renderShell(appState([], { quickReplies: REPLIES }));
    const dialog = await openPalette(rendered);
    expect(within(dialog).getByRole('button', { name: 'Insert into chat' })).toBeDisabled();
    await rendered.user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('To type a reply, open a chat in one of your services.');
    expect(rendered.bridge.sent('service.insertText')).toEqual([]);
  });

  it('with an empty library, offers to create the first reply', async () => {
    const rendered = await renderShell(state({ quickReplies: [] }), SARA_OPEN);
    const dialog = await openPalette(rendered);
    expect(within(dialog).getByRole('heading', { name: 'No quick replies yet' })).toBeInTheDocument();
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Add quick replies' }));
    const shop = await screen.findByRole('dialog', { name: 'Shop tools' });
    expect(within(shop).getByRole('tab', { name: 'Quick replies' })).toHaveAttribute('aria-selected', 'true');
    await rendered.user.click(within(shop).getByRole('button', { name: 'Add your first reply' }));
    expect(within(shop).getByRole('textbox', { name: 'Name' })).toHaveFocus();
  });

  it('opens from the toolbar of a service that is shown', async () => {
    const rendered = await renderShell(state(), SARA_OPEN);
    const button = screen.getByRole('button', { name: named('Quick replies (Ctrl+Shift+Space)') });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+Space');
    await rendered.user.click(button);
    expect(screen.getByRole('dialog', { name: 'Quick replies' })).toBeInTheDocument();
    await rendered.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();

    rendered.bridge.updateRuntime('wa', { status: 'crashed' });
    expect(screen.queryByRole('button', { name: named('Quick replies (Ctrl+Shift+Space)') })).toBeNull();
  });
});

async function openLibrary(rendered: Rendered): Promise<HTMLElement> {
  rendered.bridge.action('open-shop');
  const dialog = await screen.findByRole('dialog', { name: 'Shop tools' });
  return within(dialog).getByRole('tabpanel');
}

const rows = (panel: HTMLElement) =>
  within(within(panel).getByRole('list', { name: 'Your quick replies' }))
    .getAllByRole('listitem')
    .map((li) => plain(li.querySelector('.reply-row-name')?.textContent ?? ''));

describe('the library', () => {
  it('adds a reply: refuses an empty or too long name and an empty text, puts variables in, previews, saves', async () => {
    const rendered = await renderShell(state({ quickReplies: [] }));
    rendered.bridge.respond = (command) => (command.type === 'quickReply.save' ? { ok: true, id: 'new1' } : { ok: true });
    const panel = await openLibrary(rendered);
    expect(within(panel).getByRole('heading', { name: 'Answer faster with quick replies' })).toBeInTheDocument();
    await rendered.user.click(within(panel).getByRole('button', { name: 'New reply' }));
    const form = within(panel).getByRole('form', { name: 'New quick reply' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    const body = within(form).getByRole('textbox', { name: 'Text' });
    expect(name).toHaveFocus();

    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription('Enter a name for the reply.');
    expect(body).toHaveAccessibleDescription("Enter the reply's text.");
    expect(name).toHaveFocus();

    await rendered.user.type(name, 'x'.repeat(81));
    await rendered.user.type(body, 'Hi');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription('Keep the name to 80 characters or fewer.');
    expect(rendered.bridge.sent('quickReply.save')).toEqual([]);

    await rendered.user.clear(name);
    await rendered.user.type(name, '/thanks');
    await rendered.user.click(within(form).getByRole('button', { name: /\{first_name\}/u }));
    expect(body).toHaveValue('Hi{first_name}');
    expect(body).toHaveFocus();
    await rendered.user.type(body, ', thank you!');
    expect(within(form).getByRole('region', { name: named('Preview for a customer named Sara Ahmed') })).toHaveTextContent('HiSara, thank you!');

    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(rendered.bridge.sent('quickReply.save')).toEqual([{ type: 'quickReply.save', name: 'thanks', body: 'Hi{first_name}, thank you!' }]);
    rendered.bridge.push({ quickReplies: [{ id: 'new1', name: 'thanks', body: 'Hi{first_name}, thank you!' }] });
    expect(rows(panel)).toEqual(['/thanks']);
    expect(within(panel).getByRole('button', { name: named('Edit “/thanks”') })).toHaveFocus();
    expect(announced()).toBe('Saved “/thanks”.');
  });

  it('refuses a text over the limit, and says when the library is full', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command) => (command.type === 'quickReply.save' ? { ok: false, error: 'full' } : { ok: true });
    const panel = await openLibrary(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'New reply' }));
    const form = within(panel).getByRole('form', { name: 'New quick reply' });
    await rendered.user.type(within(form).getByRole('textbox', { name: 'Name' }), 'long');
    const body = within(form).getByRole('textbox', { name: 'Text' });
    await rendered.user.click(body);
    await rendered.user.paste('a'.repeat(4_001));
    expect(body).toHaveValue('a'.repeat(4_001));
    expect(form).toHaveTextContent('4,001 of 4,000 characters');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(body).toHaveAccessibleDescription(/^The text is too long: it has 4,001 characters, and a reply can have at most 4,000\./u);
    expect(rendered.bridge.sent('quickReply.save')).toEqual([]);

    await rendered.user.type(body, '{Backspace}');
    await rendered.user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Your library is full (1,000 replies). Delete some to add new ones.');
    expect(body).toHaveValue('a'.repeat(4_000));
  });

  it('edits a reply in place, and Escape cancels without closing the dialog', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = (command) => (command.type === 'quickReply.save' ? { ok: true, id: command.id ?? '' } : { ok: true });
    const panel = await openLibrary(rendered);
    const edit = within(panel).getByRole('button', { name: named('Edit “/delivery”') });
    await rendered.user.click(edit);
    expect(within(panel).getByRole('form', { name: 'Edit quick reply' })).toContainElement(document.activeElement as HTMLElement);
    await rendered.user.keyboard('{Escape}');
    expect(within(panel).queryByRole('form')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Shop tools' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: named('Edit “/delivery”') })).toHaveFocus();

    await rendered.user.click(within(panel).getByRole('button', { name: named('Edit “/delivery”') }));
    const form = within(panel).getByRole('form', { name: 'Edit quick reply' });
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('delivery');
    const body = within(form).getByRole('textbox', { name: 'Text' });
    await rendered.user.clear(body);
    await rendered.user.type(body, 'We deliver tomorrow.{Control>}{Enter}{/Control}');
    expect(rendered.bridge.sent('quickReply.save')).toEqual([{ type: 'quickReply.save', id: 'r3', name: 'delivery', body: 'We deliver tomorrow.' }]);
    expect(within(panel).queryByRole('form')).toBeNull();
  });

  it('moves replies with the buttons and Alt+arrows, keeping the focus on the reply', async () => {
    const rendered = await renderShell(state());
    const panel = await openLibrary(rendered);
    const up = within(panel).getByRole('button', { name: named('Move “/welcome” up') });
    expect(up).toHaveAttribute('aria-disabled', 'true');
    await rendered.user.click(up);
    expect(rendered.bridge.sent('quickReply.move')).toEqual([]);

    const edit = within(panel).getByRole('button', { name: named('Edit “/welcome”') });
    edit.focus();
    await rendered.user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(rendered.bridge.sent('quickReply.move')).toEqual([{ type: 'quickReply.move', id: 'r1', index: 1 }]);
    rendered.bridge.push({ quickReplies: [REPLIES[1], REPLIES[0], REPLIES[2], REPLIES[3]].filter((r) => r !== undefined) });
    expect(rows(panel)).toEqual(['/أسعار', '/welcome', '/delivery', '/hours']);
    expect(within(panel).getByRole('button', { name: named('Edit “/welcome”') })).toHaveFocus();
    expect(announced()).toBe('“/welcome” moved to position 2 of 4.');

    await rendered.user.click(within(panel).getByRole('button', { name: named('Move “/hours” up') }));
    expect(rendered.bridge.sent('quickReply.move').at(-1)).toEqual({ type: 'quickReply.move', id: 'r4', index: 2 });
    expect(within(panel).getByRole('button', { name: named('Move “/hours” down') })).toHaveAttribute('aria-disabled', 'true');
  });

  it('deletes with undo, and Undo brings the reply back with the focus on it', async () => {
    const rendered = await renderShell(state());
    const panel = await openLibrary(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: named('Delete “/delivery”') }));
    expect(rendered.bridge.sent('quickReply.delete')).toEqual([{ type: 'quickReply.delete', id: 'r3' }]);
    rendered.bridge.push({ quickReplies: REPLIES.filter((r) => r.id !== 'r3'), shopUndo: 'reply-deleted' });
    expect(rows(panel)).toEqual(['/welcome', '/أسعار', '/hours']);
    expect(plain(panel.querySelector('.shop-undo-text')?.textContent ?? '')).toBe('Deleted “/delivery”.');
    const undo = within(panel).getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();

    await rendered.user.click(undo);
    expect(rendered.bridge.sent('shop.undo')).toHaveLength(1);
    rendered.bridge.push({ quickReplies: REPLIES, shopUndo: null });
    expect(rows(panel)).toEqual(['/welcome', '/أسعار', '/delivery', '/hours']);
    expect(within(panel).queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(within(panel).getByRole('button', { name: named('Edit “/delivery”') })).toHaveFocus();
    expect(announced()).toBe('Restored “/delivery”.');
  });

  it.each([
    [{ ok: false, error: 'invalid-file', detail: 'not-json' }, "That file can't be read: it isn't a quick replies file."],
    [{ ok: false, error: 'invalid-file', detail: 'wrong-kind' }, "That isn't a Wasl quick replies file. To restore a full backup, use Backup & export."],
    [{ ok: false, error: 'invalid-file', detail: 'newer:9' }, 'That file comes from a newer version of Wasl. Update Wasl to import it.'],
    [{ ok: false, error: 'invalid-file', detail: 'invalid' }, 'That file is damaged, so nothing was imported.'],
    [{ ok: false, error: 'full' }, 'That would make more than 1,000 quick replies, so nothing was imported. Delete some first.'],
    [{ ok: false, error: 'failed' }, "Wasl couldn't read that file. Nothing was imported."],
  ] satisfies [CommandResult, string][])('says why an import was refused (%o)', async (result, text) => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = () => result;
    const panel = await openLibrary(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Import…' }));
    expect(rendered.bridge.sent('data.import')).toEqual([{ type: 'data.import', what: 'quick-replies' }]);
    expect(plain(panel.querySelector('.replies-notice.is-error')?.textContent ?? '')).toBe(text);
    expect(announced()).toBe(text);
  });

  it('says nothing when the file dialog is closed, counts what an import added, and offers to undo it', async () => {
    const rendered = await renderShell(state());
    rendered.bridge.respond = () => ({ ok: false, error: 'cancelled' });
    const panel = await openLibrary(rendered);
    const importButton = within(panel).getByRole('button', { name: 'Import…' });
    await rendered.user.click(importButton);
    expect(panel.querySelector('.replies-notice')).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Undo' })).toBeNull();

    const added = [...REPLIES, { id: 'i1', name: 'a', body: 'A' }, { id: 'i2', name: 'b', body: 'B' }];
    rendered.bridge.respond = (command) => {
      // Main changes its state before it answers.
      if (command.type === 'data.import') rendered.bridge.push({ quickReplies: added, shopUndo: 'replies-imported' });
      return { ok: true };
    };
    await rendered.user.click(importButton);
    expect(plain(panel.querySelector('.shop-undo-text')?.textContent ?? '')).toBe('Imported 2 new quick replies.');
    await rendered.user.click(within(panel).getByRole('button', { name: 'Undo' }));
    expect(rendered.bridge.sent('shop.undo')).toHaveLength(1);
    expect(announced()).toBe('Import undone.');
  });

  it('exports the library, and disables export while it is empty', async () => {
    const rendered = await renderShell(state());
    const panel = await openLibrary(rendered);
    await rendered.user.click(within(panel).getByRole('button', { name: 'Export…' }));
    expect(rendered.bridge.sent('data.export')).toEqual([{ type: 'data.export', what: 'quick-replies' }]);
    expect(announced()).toBe('Quick replies exported.');
    rendered.bridge.push({ quickReplies: [] });
    expect(within(panel).getByRole('button', { name: 'Export…' })).toBeDisabled();
  });
});
