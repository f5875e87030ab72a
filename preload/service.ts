/**
 * Runs in every service view (sandboxed, isolated world). Picks the connector for the platform main assigned,
 * watches the page with a MutationObserver (batched: at most a few reads a second, none while nothing changes)
 * and sends main only what changed.
 */
import { ipcRenderer } from 'electron';
import { CHANNELS } from '../common/channels';
import { PLATFORM_IDS, type PlatformId } from '../common/model';
import { connectors } from './connectors';
import { Reporter } from './reporter';

/** The shortest time between two reads of the page. */
const MIN_INTERVAL_MS = 250;

function assignedPlatform(): PlatformId {
  const arg = process.argv.find((a) => a.startsWith('--wasl-platform='))?.slice('--wasl-platform='.length);
  return PLATFORM_IDS.find((p) => p === arg) ?? 'custom';
}

const connector = connectors[assignedPlatform()];
const reporter = new Reporter();
let scheduled = false;
let lastRead = 0;

async function report(): Promise<void> {
  scheduled = false;
  lastRead = Date.now();
  try {
    const update = reporter.next(await connector.read(window));
    if (update) ipcRenderer.send(CHANNELS.serviceUpdate, update);
  } catch (error) {
    console.warn('[wasl] connector failed', error);
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => void report(), Math.max(0, lastRead + MIN_INTERVAL_MS - Date.now()));
}

ipcRenderer.on(CHANNELS.serviceResync, () => {
  reporter.resync();
  schedule();
});

window.addEventListener('DOMContentLoaded', () => {
  // The generic reader only needs the title; platform connectors will name the parts of the page they read.
  new MutationObserver(schedule).observe(document.head, { subtree: true, childList: true, characterData: true });
  schedule();
});
