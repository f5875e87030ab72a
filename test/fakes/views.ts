/** A ViewsPort that records what the controller asked for. */
import type { Rect } from '../../common/ipc';
import type { ServiceConfig } from '../../common/model';
import type { ViewsPort } from '../../main/core/app/ports';

export type ViewCall =
  | { op: 'open'; id: string; resumeUrl?: string }
  | { op: 'close'; id: string }
  | { op: 'reload'; id: string; hard: boolean }
  | { op: 'present'; id: string | null; rect: Rect | null }
  | { op: 'mute'; id: string; muted: boolean }
  | { op: 'focus'; id: string }
  | { op: 'pane'; id: string; hidden: boolean }
  | { op: 'zoom'; id: string; factor: number }
  | { op: 'clear'; id: string }
  | { op: 'send'; id: string; channel: string; payload: unknown };

export class RecordingViews implements ViewsPort {
  readonly calls: ViewCall[] = [];
  readonly opened = new Set<string>();
  /** Where each open page is (a test moves it), answered when its view closes. */
  readonly urls = new Map<string, string>();
  /** The renderer process of each open page. */
  readonly pids = new Map<string, number>();
  private nextPid = 1000;
  /** Makes clearStorage fail, as a locked disk would. */
  failClear = false;

  open(service: ServiceConfig, resumeUrl?: string): void {
    this.calls.push(resumeUrl === undefined ? { op: 'open', id: service.id } : { op: 'open', id: service.id, resumeUrl });
    if (!this.opened.has(service.id)) this.pids.set(service.id, this.nextPid++);
    this.opened.add(service.id);
  }
  close(serviceId: string): string | undefined {
    this.calls.push({ op: 'close', id: serviceId });
    this.opened.delete(serviceId);
    this.pids.delete(serviceId);
    const url = this.urls.get(serviceId);
    this.urls.delete(serviceId);
    return url;
  }
  processId(serviceId: string): number | undefined {
    return this.pids.get(serviceId);
  }
  reload(service: ServiceConfig, hard: boolean): void {
    this.calls.push({ op: 'reload', id: service.id, hard });
    this.opened.add(service.id);
  }
  present(serviceId: string | null, rect: Rect | null): void {
    this.calls.push({ op: 'present', id: serviceId, rect });
  }
  setAudioMuted(serviceId: string, muted: boolean): void {
    this.calls.push({ op: 'mute', id: serviceId, muted });
  }
  focus(serviceId: string): void {
    this.calls.push({ op: 'focus', id: serviceId });
  }
  setListPaneHidden(serviceId: string, hidden: boolean): void {
    this.calls.push({ op: 'pane', id: serviceId, hidden });
  }
  setZoom(serviceId: string, factor: number): void {
    this.calls.push({ op: 'zoom', id: serviceId, factor });
  }
  clearStorage(serviceId: string): Promise<void> {
    this.calls.push({ op: 'clear', id: serviceId });
    return this.failClear ? Promise.reject(new Error('locked')) : Promise.resolve();
  }

  send(serviceId: string, channel: string, payload?: unknown): void {
    this.calls.push({ op: 'send', id: serviceId, channel, payload });
  }

  /** Calls of one kind, in order. */
  of<K extends ViewCall['op']>(op: K): Extract<ViewCall, { op: K }>[] {
    return this.calls.filter((c): c is Extract<ViewCall, { op: K }> => c.op === op);
  }

  /** The last present call: what is on screen now. */
  get shown(): Extract<ViewCall, { op: 'present' }> | undefined {
    return this.of('present').at(-1);
  }
}
