import { join } from 'node:path';
import { vddDataDir, writeArchive } from './vdd-archive';

// The small official-format archive the end-to-end test imports (tests/fixtures/catalogue/), rebuilt from the
// package's 2020 data: `npx tsx bench/catalogue/build-fixture.ts`.
const IDS = [
  'F1341',
  'F1342',
  'F21089',
  'F14929',
  'F12006',
  'F2882',
  'F34300',
  'F1050',
  'N358',
  'N360',
  'R42726',
  'R1264',
];

writeArchive(
  vddDataDir(),
  'particuliers',
  IDS,
  join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'catalogue', 'vdd-particuliers-sample.zip'),
);
