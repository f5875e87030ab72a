/** Which signed-in session folders are to be deleted (main/persistence/partitions.ts). */
import { describe, expect, it } from 'vitest';
import { pendingFolders } from '../../../../main/persistence/partitions';

describe('pendingFolders', () => {
  it('picks the folders of removed services only, whatever their case, and never one in use again', () => {
    const folders = ['svc-a1', 'svc-B2', 'svc-gone', 'svc-unlisted', 'other-app', 'Cache'];
    expect(pendingFolders(folders, ['gone', 'b2'], ['a1'])).toEqual(['svc-B2', 'svc-gone']);
    expect(pendingFolders(folders, ['gone', 'b2'], ['B2'])).toEqual(['svc-gone']);
    // Nothing pending: nothing picked, however many folders no service names.
    expect(pendingFolders(folders, [], [])).toEqual([]);
  });
});
