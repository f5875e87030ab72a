import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from '../../../../main/electron/shell-session';
import { FakeSession } from '../../../fakes/electron';

describe('denyAllPermissions', () => {
  it('installs request and check handlers that refuse everything, even notifications of the shell itself', async () => {
    const session = new FakeSession('');
    denyAllPermissions(session);
    expect(session.requestHandler).not.toBeNull();
    expect(session.checkHandler).not.toBeNull();
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(await session.request(permission, { requestingUrl: 'app://wasl/index.html' })).toBe(false);
      expect(session.check(permission, 'app://wasl')).toBe(false);
    }
  });
});
