import { describe, expect, it } from 'vitest';
import { createWindowOptions, secureWebPreferences } from '../../main/app/window-options';

// SECURITY.md, rule 2.
describe('window options', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
  const prefs = options.webPreferences!;

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
    });
  });

  it('keeps web security on and every risky feature off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('has no developer tools unless asked (development runs)', () => {
    expect(prefs.devTools).toBe(false);
    expect(createWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('keeps the offline promise: no spellchecker dictionary download', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('is shown only when ready, with the product title', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Médiane');
  });

  it('gives the same preferences through secureWebPreferences', () => {
    expect(secureWebPreferences('/p')).toEqual({ ...prefs, preload: '/p' });
  });
});
