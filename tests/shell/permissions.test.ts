import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, type PermissionSessionLike } from '../../main/app/permissions';

// SECURITY.md, rule 5: every permission request and check is refused.
describe('denyAllPermissions', () => {
  function setup() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as PermissionSessionLike);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void,
      d: unknown,
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      origin: string,
      d: unknown,
    ) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean;
    return { request, check, device };
  }

  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'unknown',
  ];

  it.each(PERMISSIONS)('denies the request for %s', (permission) => {
    const { request } = setup();
    const callback = vi.fn();
    request({}, permission, callback, { requestingUrl: 'app://mediane/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('denies every permission check, from any origin, the app included', () => {
    const { check } = setup();
    for (const p of PERMISSIONS) {
      expect(check({}, p, 'app://mediane', {})).toBe(false);
      expect(check(null, p, 'https://www.example.com', {})).toBe(false);
    }
  });

  it('denies device access (USB, HID, serial)', () => {
    expect(setup().device({ deviceType: 'usb', origin: 'app://mediane' })).toBe(false);
  });

  it('works with a session without setDevicePermissionHandler', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    expect(() => denyAllPermissions(session as unknown as PermissionSessionLike)).not.toThrow();
  });
});
