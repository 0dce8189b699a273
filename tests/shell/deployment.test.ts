import { describe, expect, it, vi } from 'vitest';
import { readDeployment } from '../../main/core/deployment';

// The State brand block is shown only for deployments operated by a State body: decided at install, never by default.
describe('deployment settings', () => {
  const files = ['/opt/Mediane/deployment.json', '/home/agent/.config/Mediane/deployment.json'];
  const fs = (map: Record<string, string>) => (p: string) => map[p] ?? null;

  it('defaults to not State-operated', () => {
    expect(readDeployment({ env: {}, files, readText: fs({}) })).toEqual({ stateOperated: false, source: 'default' });
  });

  it('reads MEDIANE_STATE_OPERATED first', () => {
    const readText = fs({ [files[0]!]: '{"stateOperated": false}' });
    expect(readDeployment({ env: { MEDIANE_STATE_OPERATED: '1' }, files, readText }).stateOperated).toBe(true);
    expect(readDeployment({ env: { MEDIANE_STATE_OPERATED: 'true' }, files, readText }).stateOperated).toBe(true);
    expect(
      readDeployment({
        env: { MEDIANE_STATE_OPERATED: '0' },
        files,
        readText: fs({ [files[0]!]: '{"stateOperated": true}' }),
      }).stateOperated,
    ).toBe(false);
  });

  it('then the file next to the executable, then the one in userData', () => {
    expect(
      readDeployment({
        env: {},
        files,
        readText: fs({ [files[0]!]: '{"stateOperated": true}', [files[1]!]: '{"stateOperated": false}' }),
      }),
    ).toEqual({
      stateOperated: true,
      source: files[0],
    });
    expect(readDeployment({ env: {}, files, readText: fs({ [files[1]!]: '{"stateOperated": true}' }) }).source).toBe(
      files[1],
    );
  });

  it('ignores malformed values with a warning', () => {
    const warn = vi.fn();
    const readText = fs({ [files[0]!]: '{"stateOperated": "yes"}', [files[1]!]: 'not json' });
    expect(readDeployment({ env: { MEDIANE_STATE_OPERATED: 'maybe' }, files, readText, log: { warn } })).toEqual({
      stateOperated: false,
      source: 'default',
    });
    expect(warn).toHaveBeenCalledTimes(3);
  });
});
