/**
 * What the user chooses for each service account: the one schema `service.set` and the settings file both take
 * them from, and whose type ServiceConfig (common/model.ts) extends.
 */
import { z } from 'zod';
import { CHECK_EVERY_CHOICES, SLEEP_AFTER_CHOICES } from '../power';
import { proxyChoiceSchema } from '../proxy';
import { SPELL_LANGUAGES } from '../spelling';
import { ZOOM_LEVELS } from '../zoom';
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

/** Choices that fall back to a default when absent, each kept or dropped on its own: power, spelling, view and zoom. */
export const serviceOptional = z.object({
  ...servicePower.shape,
  /** The languages its pages' spelling is checked in (common/spelling.ts), each once; none: no checking. Absent, the default. */
  spellLanguages: z
    .array(z.enum(SPELL_LANGUAGES))
    .max(SPELL_LANGUAGES.length)
    .refine((list) => new Set(list).size === list.length, 'each language once')
    .optional(),
  /**
   * Compact view: the page's own chat list is hidden (Wasl's is beside it), while the page's pane is found exactly
   * once (common/compact.ts). Absent: off.
   */
  compact: z.boolean().optional(),
  /** How big its pages are shown, in percent (common/zoom.ts); absent: 100 %. */
  zoom: z.literal(ZOOM_LEVELS).optional(),
  /**
   * The proxy its session goes through (common/proxy.ts), never with a password (main keeps that encrypted apart).
   * Absent: the system's proxy.
   */
  proxy: proxyChoiceSchema.optional(),
});

export type ServiceChoices = z.output<typeof serviceSwitches> & z.output<typeof serviceOptional>;

/** A new service's switches: on, the others at their defaults. */
export function newServiceSwitches(): z.output<typeof serviceSwitches> {
  return serviceSwitches.parse({ enabled: true });
}

/** What `service.set` carries besides the service's id: any of its choices. */
export const servicePatchShape = patchShape({ ...serviceSwitches.shape, ...serviceOptional.shape });
