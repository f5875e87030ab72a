/**
 * The right-click menu on Electron: on each contents' `context-menu` event, the menu model of what was clicked
 * (main/core/desktop/context-menu.ts) is built with Menu.buildFromTemplate and shown; a click carries its command
 * out on that same contents — the spell checker's replacement, the session's dictionary, the editing commands, the
 * clipboard, a download that asks where to save, the developer tools — or hands an address to the default browser:
 * the model offers that only for what main/security/policy.ts lets out (http, https and mailto, no credentials).
 *
 * Attached to every contents Electron creates; it shows the menu only where `offers` says (the shell, a service's
 * page and its pop-ups), so the developer tools and any stranger keep their own.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../../common/language';
import type { Logger } from '../core/app/ports';
import { contextMenuModel, type ContextCommand, type ContextMenuEntry } from '../core/desktop/context-menu';
import { externalUrl } from '../security/policy';
import type { ElectronApi, WebContentsLike } from './api';

export interface ContextMenuDeps {
  electron: Pick<ElectronApi, 'Menu' | 'clipboard' | 'shell'>;
  /** The language main speaks now. */
  language(): UiLanguage;
  /** A development build: "Inspect element" is offered. */
  development: boolean;
  /** Whether Wasl shows its menu in this contents. */
  offers(contentsId: number): boolean;
  log: Logger;
}

/** '&' marks a mnemonic in Electron's menu labels: a literal one (a suggestion, a quoted selection) is doubled. */
const literal = (text: string): string => text.replace(/&/g, '&&');

export class ContextMenus {
  constructor(private readonly deps: ContextMenuDeps) {}

  attach(contents: WebContentsLike): void {
    contents.on('context-menu', (_event, params) => {
      if (!this.deps.offers(contents.id)) return;
      const entries = contextMenuModel(params, { language: this.deps.language(), development: this.deps.development, external: externalUrl });
      if (entries.length === 0) return;
      this.deps.electron.Menu.buildFromTemplate(entries.map((entry) => this.template(contents, entry))).popup();
    });
  }

  private template(contents: WebContentsLike, entry: ContextMenuEntry): MenuItemConstructorOptions {
    if (entry.type === 'separator') return { type: 'separator' };
    const { command } = entry;
    return {
      id: entry.id,
      label: literal(entry.label),
      enabled: entry.enabled,
      ...(command === undefined ? {} : { click: () => this.carryOut(contents, command) }),
    };
  }

  private carryOut(contents: WebContentsLike, command: ContextCommand): void {
    if (contents.isDestroyed()) return;
    const { log } = this.deps;
    switch (command.type) {
      case 'replace-misspelling':
        contents.replaceMisspelling(command.word);
        return;
      case 'add-to-dictionary':
        if (!contents.session.addWordToSpellCheckerDictionary(command.word)) log.warn('the spell checker did not take a word');
        return;
      case 'edit':
        contents[command.edit]();
        return;
      case 'copy-text':
        this.deps.electron.clipboard.writeText(command.text);
        return;
      case 'open-external':
        this.deps.electron.shell.openExternal(command.url).catch((error: unknown) => {
          log.error('could not open a link in the default browser', { error: String(error) });
        });
        return;
      case 'copy-image':
        contents.copyImageAt(command.x, command.y);
        return;
      case 'save-image':
        contents.downloadURL(command.url);
        return;
      case 'inspect':
        contents.inspectElement(command.x, command.y);
        return;
    }
  }
}
