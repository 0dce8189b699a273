import type { Session } from 'electron';

// SECURITY.md, rule 5: Médiane needs no browser permission (camera, microphone, geolocation, notifications, USB,
// clipboard reading, fullscreen requests...). Every request and every check is refused for the session.
// Type-only Electron import: index.ts passes session.defaultSession, tests pass a fake.

export type PermissionSessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> &
  Partial<Pick<Session, 'setDevicePermissionHandler'>>;

export function denyAllPermissions(session: PermissionSessionLike, log?: { warn(message: string): void }): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log?.warn(`[mediane] permission request refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
