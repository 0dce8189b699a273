import type { Violation } from '../shared/sync/disclosure';

/** An expected refusal, answered as JSON with its HTTP status; nothing is stored when one is thrown. */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly violations?: Violation[],
  ) {
    super(message);
    this.name = 'HubError';
  }
}
