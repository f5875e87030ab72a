/**
 * What the user chooses for each service account: the one schema `service.set` and the settings file both take
 * them from, and whose type ServiceConfig (common/model.ts) extends.
 */
import { z } from 'zod';
import { CHECK_EVERY_CHOICES, SLEEP_AFTER_CHOICES } from '../power';
import { patchShape } from './derive';

/** Every service has these; a stored one that lacks `muted` or `callsAllowed` predates it (off). */
export const serviceSwitches = z.object({
  enabled: z.boolean(),
  /** No OS notifications and no sound from this service; its unread count still shows. */
  muted: z.boolean().default(false),
  /** Camera and microphone may be granted to the service's own origins. */
  callsAllowed: z.boolean().default(false),
});

/** How it uses memory (see common/power.ts): absent, the platform's default. A bad stored one falls back alone. */
export const servicePower = z.object({
  /** Loaded at launch and never put to sleep. */
  alwaysOn: z.boolean().optional(),
  /** Minutes out of sight before it sleeps (0 = never); the platform's default when absent. */
  sleepAfterMin: z.literal(SLEEP_AFTER_CHOICES).optional(),
  /** Minutes between checks while it sleeps (0 = only when used); the default when absent. */
  checkEveryMin: z.literal(CHECK_EVERY_CHOICES).optional(),
});

/** How its page is shown. Absent: off. A bad stored one falls back alone. */
export const serviceView = z.object({
  /**
   * Compact view: the page's own chat list is hidden (Wasl's is beside it), while the page's pane is found exactly
   * once (common/compact.ts).
   */
  compact: z.boolean().optional(),
});

export type ServiceChoices = z.output<typeof serviceSwitches> & z.output<typeof servicePower> & z.output<typeof serviceView>;

/** A new service's switches: on, the others at their defaults. */
export function newServiceSwitches(): z.output<typeof serviceSwitches> {
  return serviceSwitches.parse({ enabled: true });
}

/** What `service.set` carries besides the service's id: any of its choices. */
export const servicePatchShape = patchShape({ ...serviceSwitches.shape, ...servicePower.shape, ...serviceView.shape });
