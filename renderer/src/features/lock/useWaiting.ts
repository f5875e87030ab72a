/**
 * Whether a wait main imposed (after wrong passwords) still runs: true until `until` (epoch ms), then the
 * component renders again by itself.
 */
import { useEffect, useState } from 'react';

export function useWaiting(until: number | null): boolean {
  // The moment whose wait is over.
  const [ended, setEnded] = useState<number | null>(null);
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setEnded(until), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  return until !== null && ended !== until;
}
