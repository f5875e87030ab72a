/**
 * How the window may be laid out, shared by the settings schema (common/settings/groups.ts) and the shell: the chat
 * list beside the open service is this wide, in CSS pixels, at the least, at the most and at first.
 */
export const LIST_WIDTH = { min: 240, max: 480, initial: 320 } as const;
