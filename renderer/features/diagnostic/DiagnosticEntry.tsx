import { useAppStatus } from '../../app/status';
import { DiagnosticHome } from './DiagnosticHome';
import { SelfServiceStart } from './SelfServiceStart';

/** `#/diagnostic`: the mediator's home, or, in self-service mode, only the start of a diagnosis done alone. */
export function DiagnosticEntry() {
  const { status } = useAppStatus();
  return status.lock.selfService ? <SelfServiceStart /> : <DiagnosticHome />;
}
