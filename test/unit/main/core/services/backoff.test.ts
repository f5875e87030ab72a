/** How long a failing page waits before it is loaded again (main/core/services/backoff.ts). */
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../../../main/core/services/backoff';

describe('retryDelay', () => {
  it('doubles from one second and stops at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(retryDelay(0)).toBe(1000);
  });
});
