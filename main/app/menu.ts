import type { MenuItemConstructorOptions } from 'electron';

// The application menu. In a packaged app there is no reload and no developer tools entry; on Windows and Linux
// no menu bar at all (the app's own navigation is in the page, and copy/paste shortcuts work without a menu);
// macOS keeps the standard app, edit and window menus its users expect (and that carry copy/paste there).
// null means "no menu"; undefined means "leave Electron's default menu" (development runs).
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] | null | undefined {
  if (!isPackaged) return undefined;
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
