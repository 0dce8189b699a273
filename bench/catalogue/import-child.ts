import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { createCatalogueService } from '../../main/core/catalogue/catalogue-service';
import { parseEntryXml, type ParsedEntry } from '../../main/core/catalogue/entry-parser';
import { createJobs } from '../../main/core/jobs/jobs';
import { randomIds, systemClock } from '../../shared/ids';

// One import in a process of its own, so its peak RSS is the import's: `tsx import-child.ts MODE DATA_DIR ARCHIVE...`.
// MODE 'stream' is the app's import; 'naive' unzips every archive whole in memory and parses every file into a list
// before storing anything (what a first attempt tends to do), the baseline of the memory figure.
// Prints one JSON line: { ms, maxRssMB, counts }.

async function main() {
  const [mode, dataDirArg, ...archives] = process.argv.slice(2);
  const dataDir = dataDirArg || mkdtempSync(join(tmpdir(), 'mediane-bench-catalogue-'));
  const start = performance.now();
  let counts: Record<string, number>;
  if (mode === 'naive') {
    const entries: ParsedEntry[] = [];
    for (const path of archives) {
      const files = unzipSync(readFileSync(path));
      for (const [name, bytes] of Object.entries(files)) {
        const m = /([FRN]\d+)\.xml$/.exec(name);
        if (m) entries.push(parseEntryXml(Buffer.from(bytes), m[1]!));
      }
    }
    const unique = new Map(entries.map((e) => [e.id, e]));
    counts = { entries: unique.size };
  } else {
    const jobs = createJobs({ clock: systemClock, newId: randomIds });
    const catalogue = createCatalogueService({ dataDir, clock: systemClock, newId: randomIds, jobs });
    const result = await catalogue.importArchives(archives, {
      demo: false,
      signal: new AbortController().signal,
      progress: () => undefined,
    });
    counts = result.counts;
    catalogue.close();
  }
  const ms = performance.now() - start;
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms, maxRssMB, counts })}\n`);
}

void main();
