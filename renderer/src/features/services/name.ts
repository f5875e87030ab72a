/**
 * Service names: 1 to 64 characters once trimmed, as main's command schema requires (LIMITS.serviceName in
 * common/ipc.ts, which is not imported here because that module brings zod into the shell's bundle).
 */
export const MAX_SERVICE_NAME = 64;

export type NameError = 'empty' | 'long';

export const NAME_ERROR_TEXT = {
  empty: 'names.empty',
  long: 'names.long',
} as const satisfies Record<NameError, string>;

export function checkName(raw: string, { optional = false } = {}): NameError | null {
  const name = raw.trim();
  if (name === '') return optional ? null : 'empty';
  return name.length > MAX_SERVICE_NAME ? 'long' : null;
}
