// `npx tsx bench/diagnostic.ts [--quick]` — the diagnosis (issue 9): scoring a diagnosis, rendering the results page,
// generating the PDF report. Prints a table and writes bench/.data/results-diagnostic.json; figures go in
// bench/README.md. Never part of `npm test`; nothing here asserts on time.
//   Scoring: scoreDiagnosis on realistic answer sets (seeded), against a naive baseline in the same run that parses
//   the questionnaire file (JSON + zod) at every call, as scoring straight from the data file would.
//   Results page and PDF: the built browser-mode host (run `npx electron-vite build` first) in Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { Questionnaire } from '../shared/diagnostic/questionnaire';
import { QUESTIONNAIRES } from '../shared/diagnostic/questionnaires';
import { MAX_LEVEL } from '../shared/diagnostic/questionnaire';
import type { AnswerValue, SizeBand } from '../shared/diagnostic/schema';
import { scoreDiagnosis } from '../shared/diagnostic/scoring';
import { startHostProcess, stopHostProcess } from '../tests/fixtures/web-host';
import { measure, summarise, type Sample } from './work';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = args.quick!;
const IT = quick
  ? { scoring: 2_000, naive: 200, render: 5, pdf: 3 }
  : { scoring: 20_000, naive: 2_000, render: 25, pdf: 10 };

/** mulberry32: a small seeded PRNG (never Math.random in measurements that must be repeatable). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = QUESTIONNAIRES.v1!;
const SIZES: SizeBand[] = ['0', '1-9', '1-9', '10-49', '50-249'];

/** A filled-in questionnaire: nearly every item answered, some "don't know" and "not applicable" where allowed. */
function answerSet(random: () => number): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const d of q.dimensions)
    for (const question of d.questions)
      for (const item of question.items) {
        const r = random();
        if (r < 0.03) continue;
        if (item.dontKnow && r < 0.08) answers[item.id] = 'dk';
        else if (item.notApplicable && r < 0.15) answers[item.id] = 'na';
        else if (item.id === question.exclusive) answers[item.id] = r < 0.2 ? 1 : 0;
        else answers[item.id] = Math.floor(random() * (MAX_LEVEL[question.kind] + 1));
      }
  answers.fe_plateforme = Math.floor(random() * 3);
  answers.fe_format = Math.floor(random() * 2);
  answers.fe_siren_clients = Math.floor(random() * 3);
  answers.fe_ereporting = Math.floor(random() * 3);
  return answers;
}

async function benchScoring() {
  const random = prng(9);
  const sets = Array.from({ length: 200 }, (_, i) => ({
    sizeBand: SIZES[i % SIZES.length]!,
    vatStatus: 'redevable',
    customerMix: 'mixte',
    answers: answerSet(random),
    asOf: '2026-12-07',
  }));
  let i = 0;
  const scoring = await measure(IT.scoring, 500, () => scoreDiagnosis(q, sets[i++ % sets.length]!));
  const raw = readFileSync(join(here, '..', 'resources', 'diagnostic', 'questionnaire-v1.json'), 'utf8');
  const naive = await measure(IT.naive, 50, () =>
    scoreDiagnosis(Questionnaire.parse(JSON.parse(raw)), sets[i++ % sets.length]!),
  );
  const plan = sets.map((s) => scoreDiagnosis(q, s).plan.length);
  return { scoring: summarise(scoring), naive: summarise(naive), planActionsMedian: plan.sort((a, b) => a - b)[100] };
}

async function rpc(page: Page, method: string, input: unknown): Promise<{ id: string }> {
  const r = await page.evaluate(
    async ([m, body]) =>
      (
        await fetch(`./rpc/${m}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
          body: JSON.stringify(body),
        })
      ).json(),
    [method, input] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Time from the address change to the results on screen: the table, and the radar drawn on its canvas. */
async function renderOnce(page: Page, hash: string): Promise<{ table: number; chart: number }> {
  await page.evaluate(() => (window.location.hash = '#/diagnostic'));
  await page.getByRole('heading', { level: 2, name: /Diagnostics sur ce poste/ }).waitFor();
  // Written as a string: tsx would wrap named inner functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    let table = 0;
    const check = () => {
      if (!table && document.querySelector('table caption')?.textContent?.includes('Score par thème'))
        table = performance.now() - t0;
      const canvas = document.querySelector('canvas');
      // The chart is drawn in the frame after its canvas is sized.
      if (table && canvas && canvas.width > 0) requestAnimationFrame(() => resolve({ table, chart: performance.now() - t0 }));
      else requestAnimationFrame(check);
    };
    window.location.hash = ${JSON.stringify(hash)};
    requestAnimationFrame(check);
  })`) as Promise<{ table: number; chart: number }>;
}

async function benchBrowser() {
  const host = await startHostProcess({ timeoutMs: 30_000 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.launchUrl);
    await rpc(page, 'site.save', {
      name: 'France Services de Lunel',
      siteType: 'france_services',
      communeCode: '34145',
      postcode: '34400',
    });
    const random = prng(11);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await rpc(page, 'diagnostic.start', { mode: 'mediateur', previousId: ids[i - 1] ?? null });
      await rpc(page, 'diagnostic.describe', {
        id: d.id,
        business: {
          name: 'Boulangerie des Pentes',
          naf: '10.71C',
          sizeBand: '1-9',
          departement: '69',
          vatStatus: 'redevable',
          customerMix: 'mixte',
        },
      });
      const all = answerSet(random);
      const keys = Object.keys(all);
      for (let k = 0; k < keys.length; k += 40)
        await rpc(page, 'diagnostic.answer', {
          id: d.id,
          answers: Object.fromEntries(keys.slice(k, k + 40).map((key) => [key, all[key]])),
        });
      await rpc(page, 'diagnostic.finish', { id: d.id });
      ids.push(d.id);
    }
    await page.reload();
    const results = `#/diagnostic/${ids[2]}/resultats`;
    const cold = await renderOnce(page, results);
    const warm: Array<{ table: number; chart: number }> = [];
    for (let i = 0; i < IT.render; i++) warm.push(await renderOnce(page, results));

    await page.evaluate((h) => (window.location.hash = h), `#/diagnostic/${ids[2]}/rapport`);
    await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    let bytes = 0;
    const pdf = await measure(IT.pdf, 1, async () => {
      bytes = (await page.pdf({ format: 'A4', printBackground: true })).length;
    });
    const pdfBuffer = await page.pdf({ format: 'A4', printBackground: true });
    const pdfFile = join(here, '.data', 'diagnostic-report.pdf');
    mkdirSync(dirname(pdfFile), { recursive: true });
    writeFileSync(pdfFile, pdfBuffer);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1]);
    await page.emulateMedia({ media: 'screen' });
    // The same run's reference: the PDF of the diagnoses list (one short screen), to read the report's cost against.
    await page.evaluate(() => (window.location.hash = '#/diagnostic'));
    await page.getByRole('heading', { level: 2, name: /Diagnostics sur ce poste/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const listPdf = await measure(IT.pdf, 1, () => page.pdf({ format: 'A4' }));
    await context.close();
    return {
      render: {
        coldTable: cold.table,
        coldChart: cold.chart,
        table: summarise(warm.map((w) => w.table)),
        chart: summarise(warm.map((w) => w.chart)),
      },
      pdf: { report: summarise(pdf), bytes, pages, listPage: summarise(listPdf) },
    };
  } finally {
    await browser.close();
    await stopHostProcess(host);
    rmSync(host.dataDir, { recursive: true, force: true });
  }
}

const fmt = (s: Sample) => `p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms (${s.iterations} runs)`;

const scoring = await benchScoring();
process.stdout.write(`scoring a diagnosis: ${fmt(scoring.scoring)}\n`);
process.stdout.write(
  `  naive (questionnaire parsed at every call): ${fmt(scoring.naive)}; ratio ${(scoring.naive.p50 / scoring.scoring.p50).toFixed(1)}×\n`,
);
process.stdout.write(`  median plan length: ${scoring.planActionsMedian} actions\n`);
const browser = await benchBrowser();
process.stdout.write(
  `results page: first visit (chart.js loaded) table ${browser.render.coldTable.toFixed(0)} ms, radar ${browser.render.coldChart.toFixed(0)} ms\n`,
);
process.stdout.write(`  again: table ${fmt(browser.render.table)}; radar drawn ${fmt(browser.render.chart)}\n`);
process.stdout.write(
  `PDF report: ${fmt(browser.pdf.report)}, ${browser.pdf.pages} pages, ${(browser.pdf.bytes / 1024).toFixed(0)} KB; ` +
    `list page PDF ${fmt(browser.pdf.listPage)}\n`,
);
const out = join(here, '.data', 'results-diagnostic.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ quick, scoring, browser }, null, 2) + '\n');
process.stdout.write(`results written to ${out}\n`);
