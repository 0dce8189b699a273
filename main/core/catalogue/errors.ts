import { CoreError } from '../../../shared/errors';

/** Why an archive is refused: each one a translated message (renderer/features/catalogue/i18n-errors.ts). */
export const REFUSALS = [
  'notZip',
  'damaged',
  'notServicePublic',
  'unsupportedVersion',
  'tooLarge',
  'suspiciousCompression',
  'tooManyFiles',
  'empty',
  'busy',
  'tooManyArchives',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** A refused archive: `invalid_input` with the message key `catalogue.<reason>` (`busy` is a conflict). */
export class CatalogueError extends CoreError {
  constructor(readonly reason: Refusal) {
    super(reason === 'busy' ? 'conflict' : 'invalid_input', `catalogue.${reason}`);
    this.name = 'CatalogueError';
  }
}
