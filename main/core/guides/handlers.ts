import type { HandlersFor } from '../../../shared/contract';
import type { guidesContract } from '../../../shared/guides/contract';
import type { GuideService } from './guide-service';
import type { SessionGuidesService } from './session-guides';

const CLEAN_PC_KEY = 'guides.cleanPcChecklist';

export interface GuidesHandlersDeps {
  guides: GuideService;
  sessions: SessionGuidesService;
  readSetting(key: string): string | null;
  writeSetting(key: string, value: string): void;
}

export function guidesHandlers({
  guides,
  sessions,
  readSetting,
  writeSetting,
}: GuidesHandlersDeps): HandlersFor<keyof typeof guidesContract> {
  // On by default, whatever the kind of desk: a shared PC is the common case.
  const preferences = () => ({ cleanPcChecklist: readSetting(CLEAN_PC_KEY) !== 'off' });
  return {
    'guides.list': () => guides.list(),
    'guides.get': (input) => guides.get(input.id),
    'guides.saveOverride': (input) => guides.saveOverride(input.guide),
    'guides.revert': (input) => guides.revert(input.id),
    'guides.exportPack': (input) => guides.exportPack(input.targetId),
    'guides.importPack': (input) => guides.importPack(input.sourceId),
    'guides.session': (input) => sessions.state(input.holder),
    'guides.open': (input) => sessions.open(input.holder, input.id),
    'guides.tick': (input) => sessions.tick(input.holder, input.id, input.step, input.done),
    'guides.block': (input) => sessions.block(input.holder, input.id, input.blocked),
    'guides.close': (input) => sessions.close(input.holder, input.id),
    'guides.used': () => sessions.used(),
    'guides.preferences': preferences,
    'guides.setPreferences': (input) => {
      writeSetting(CLEAN_PC_KEY, input.cleanPcChecklist ? 'on' : 'off');
      return preferences();
    },
  };
}
