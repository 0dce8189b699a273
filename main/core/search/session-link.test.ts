import { describe, expect, it } from 'vitest';
import { linkGuidesToRunningTimer } from './session-link';

describe('linking an opened result to the running session', () => {
  it('adds a guide to the running timer and says which', () => {
    const opened: Array<[string, string]> = [];
    const port = linkGuidesToRunningTimer({
      runningTimerId: () => 'timer-1',
      openGuide: (timer, guide) => void opened.push([timer, guide]),
    });
    expect(port.linkToRunningSession({ kind: 'guide', id: 'caf-rsa' })).toBe('timer-1');
    expect(opened).toEqual([['timer-1', 'caf-rsa']]);
  });

  it('links nothing when no session runs, nor a catalogue service', () => {
    const opened: string[] = [];
    const idle = linkGuidesToRunningTimer({ runningTimerId: () => null, openGuide: (_t, g) => void opened.push(g) });
    expect(idle.linkToRunningSession({ kind: 'guide', id: 'caf-rsa' })).toBeNull();
    const running = linkGuidesToRunningTimer({ runningTimerId: () => 't', openGuide: (_t, g) => void opened.push(g) });
    expect(running.linkToRunningSession({ kind: 'service', id: 'R1292' })).toBeNull();
    expect(opened).toEqual([]);
  });
});
