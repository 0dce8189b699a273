import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../main/app/menu';

describe('application menu', () => {
  it('keeps the default menu in development runs', () => {
    expect(applicationMenuTemplate('linux', false)).toBeUndefined();
  });
  it('has no menu bar on Windows and Linux in a packaged app', () => {
    expect(applicationMenuTemplate('win32', true)).toBeNull();
    expect(applicationMenuTemplate('linux', true)).toBeNull();
  });
  it('keeps app, edit and window menus on macOS, without reload or developer tools', () => {
    const template = applicationMenuTemplate('darwin', true)!;
    expect(template.map((i) => i.role)).toEqual(['appMenu', 'editMenu', 'windowMenu']);
    expect(JSON.stringify(template)).not.toMatch(/toggleDevTools|reload|viewMenu/);
  });
});
