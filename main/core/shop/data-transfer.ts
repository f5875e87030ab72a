/**
 * Files the user saves and opens: a backup of all Wasl data and its restore, the customers as CSV for a
 * spreadsheet, the quick replies to share between computers, and the QR code of a chat link. Files go through FilesPort (the save and open
 * dialogs, and the disk); what a file holds is checked whole before anything changes.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import { buildInbox } from '../../../common/inbox';
import type { ServiceConfig, ServiceSnapshot } from '../../../common/model';
import { isFollowed } from '../../../common/shop/activity';
import { toCsv } from '../../../common/shop/csv';
import { qrPng, qrSvg } from '../../../common/shop/qr-code';
import { entryCustomerKeys, resolveCustomer } from '../../../common/shop/customers';
import type { Label } from '../../../common/shop/model';
import { dayKey } from '../../../common/shop/stats';
import { pickPersisted } from '../settings/document';
import { readBackup, readReplies, writeBackup, writeReplies, type BackupData, type FileRefusal } from './backup';
import type { AppStore } from '../app/app-store';
import type { Clock, Logger } from '../app/ports';
import type { ShopController } from './shop';

export type DataCommand = Extract<Command, { type: 'data.export' | 'data.import' | 'chatLink.save' }>;
export type ChatLinkCopy = Extract<Command, { type: 'chatLink.copy' }>;
export type FileKind = 'backup' | 'customers-csv' | 'quick-replies' | 'outline' | 'qr-png' | 'qr-svg';

/** Dialogs and the disk. */
export interface FilesPort {
  /** Where to save, as the user chose it; undefined when they cancelled. */
  chooseSave(kind: FileKind, defaultName: string): Promise<string | undefined>;
  /** Which file to open; undefined when they cancelled. */
  chooseOpen(kind: Exclude<FileKind, 'customers-csv'>): Promise<string | undefined>;
  /** Writes a text as UTF-8, or bytes as they are. */
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** The file's text; throws when it cannot be read or is larger than `maxBytes`. */
  read(path: string, maxBytes: number): Promise<string>;
}

/** Each kind of file: the dialog's title and the filter's name, in the user's language. */
export type FileTexts = (kind: FileKind, action: 'save' | 'open') => { title: string; filter: string };

/** The words of the CSV file, in the user's language. */
export interface CsvText {
  header: readonly [name: string, platforms: string, phones: string, labels: string, notes: string, lastContact: string];
  labelName(label: Label): string;
  platformName(service: ServiceConfig): string;
}

/** Larger files are not what Wasl writes. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface DataTransferDeps {
  store: AppStore;
  files: FilesPort;
  clock: Clock;
  log: Logger;
  shop: ShopController;
  /** Every service's chats as the shell sees them (phones normalized). */
  chats(): Record<string, ServiceSnapshot>;
  /** Accounts in a restored backup that this profile lacks: added (to sign in again). */
  adoptServices(services: readonly ServiceConfig[]): void;
  csvText(): CsvText;
  /** Puts text on the system clipboard. */
  copyText(text: string): Promise<void> | void;
}

const refusal = (file: FileRefusal): CommandResult => ({ ok: false, error: 'invalid-file', detail: file.reason === 'newer' ? `newer:${file.version}` : file.reason });

export class DataTransfer {
  constructor(private readonly deps: DataTransferDeps) {}

  async command(cmd: DataCommand): Promise<CommandResult> {
    try {
      if (cmd.type === 'chatLink.save') return await this.saveQrCode(cmd.link, cmd.format);
      return cmd.type === 'data.export' ? await this.export(cmd.what) : await this.import(cmd.what);
    } catch (error) {
      const what = cmd.type === 'chatLink.save' ? cmd.format : cmd.what;
      this.deps.log.error('could not move data to or from a file', { command: cmd.type, what, error: String(error) });
      return { ok: false, error: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async export(what: Extract<DataCommand, { type: 'data.export' }>['what']): Promise<CommandResult> {
    const { files, clock, store } = this.deps;
    const today = dayKey(clock.now());
    const name = { backup: `wasl-backup-${today}.json`, 'customers-csv': `wasl-customers-${today}.csv`, 'quick-replies': 'wasl-quick-replies.json' }[what];
    const path = await files.chooseSave(what, name);
    if (path === undefined) return { ok: false, error: 'cancelled' };
    const state = store.getState();
    const text =
      what === 'backup' ? writeBackup(pickPersisted(state), clock.now()) : what === 'quick-replies' ? writeReplies(state.quickReplies) : this.customersCsv();
    await files.write(path, text);
    this.deps.log.info('data exported', { what });
    return { ok: true };
  }

  /** A chat link on the clipboard, for the shop's bio or a message. */
  async copyLink(cmd: ChatLinkCopy): Promise<CommandResult> {
    try {
      await this.deps.copyText(cmd.link);
      return { ok: true };
    } catch (error) {
      this.deps.log.error('could not copy a chat link', { error: String(error) });
      return { ok: false, error: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The QR code of a link the command's schema checked (isChatLink), drawn here: the shell sends no file bytes. */
  private async saveQrCode(link: string, format: 'png' | 'svg'): Promise<CommandResult> {
    const host = new URL(link).hostname;
    const name = { 'wa.me': 'whatsapp', 't.me': 'telegram', 'ig.me': 'instagram', 'm.me': 'messenger' }[host] ?? 'chat';
    const path = await this.deps.files.chooseSave(format === 'png' ? 'qr-png' : 'qr-svg', `wasl-${name}-qr.${format}`);
    if (path === undefined) return { ok: false, error: 'cancelled' };
    await this.deps.files.write(path, format === 'png' ? qrPng(link) : qrSvg(link));
    this.deps.log.info('chat link QR code saved', { host, format });
    return { ok: true };
  }

  private async import(what: 'backup' | 'quick-replies'): Promise<CommandResult> {
    const { files } = this.deps;
    const path = await files.chooseOpen(what);
    if (path === undefined) return { ok: false, error: 'cancelled' };
    const text = await files.read(path, MAX_FILE_BYTES);
    if (what === 'quick-replies') {
      const read = readReplies(text);
      if (!read.ok) {
        this.deps.log.warn('quick replies file refused', { reason: read.reason });
        return refusal(read);
      }
      return this.deps.shop.importReplies(read.data);
    }
    const read = readBackup(text);
    if (!read.ok) {
      this.deps.log.warn('backup refused, nothing changed', { reason: read.reason, ...(read.reason === 'invalid' ? { detail: read.detail } : {}) });
      return refusal(read);
    }
    this.restore(read.data);
    return { ok: true };
  }

  private restore(data: BackupData): void {
    const { services, activeServiceId: _active, view: _view, ...rest } = data;
    this.deps.shop.restore(rest);
    const have = new Set(this.deps.store.getState().services.map((s) => s.id));
    // A file never turns on the camera and microphone by itself: the user allows calls again in the service's settings.
    const missing = services.filter((s) => !have.has(s.id)).map((s) => ({ ...s, callsAllowed: false }));
    if (missing.length > 0) this.deps.adoptServices(missing);
    this.deps.log.info('backup restored', { added: missing.length });
  }

  /** One row per customer in the inbox (groups and channels are not customers); a column per customer field after the fixed ones. */
  private customersCsv(): string {
    const state = this.deps.store.getState();
    const text = this.deps.csvText();
    const snapshots = this.deps.chats();
    const chatOf = (serviceId: string, chatId: string) => snapshots[serviceId]?.chats.find((c) => c.id === chatId);
    const services = new Map(state.services.map((s) => [s.id, s]));
    const labels = new Map(state.labels.map((l) => [l.id, l]));
    const rows: (string | number)[][] = [];
    for (const entry of buildInbox({ services: state.services, snapshots, people: state.people })) {
      const chats = entry.chats.map((ref) => chatOf(ref.serviceId, ref.chatId)).filter((c) => c !== undefined);
      if (!chats.some(isFollowed)) continue;
      const phones = [...new Set(chats.flatMap((c) => (c.phone === undefined ? [] : [c.phone])))];
      const customer = resolveCustomer(state.customers, entryCustomerKeys(entry, phones));
      const where = [...new Set(entry.chats.flatMap((ref) => {
        const service = services.get(ref.serviceId);
        return service ? [text.platformName(service)] : [];
      }))];
      const labelNames = (customer?.labels ?? []).flatMap((id) => {
        const label = labels.get(id);
        return label ? [text.labelName(label)] : [];
      });
      const last = entry.lastActivity === undefined ? '' : localDateTime(entry.lastActivity);
      // Field values as spreadsheets read them: numbers as numbers, dates as "YYYY-MM-DD".
      const values = state.customerFields.map((f) => customer?.fields?.[f.id] ?? '');
      rows.push([entry.title, where.join('; '), phones.join('; '), labelNames.join('; '), customer?.note ?? '', last, ...values]);
    }
    return toCsv([...text.header, ...state.customerFields.map((f) => f.name)], rows);
  }
}

/** "2026-11-21 14:05", local time: what spreadsheets read as a date in every locale. */
function localDateTime(at: number): string {
  const d = new Date(at);
  return `${dayKey(at)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
