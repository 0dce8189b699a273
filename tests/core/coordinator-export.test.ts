import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import type { ExportFormat } from '../../shared/exports/schema';
import type { JobView } from '../../shared/jobs/schema';
import { enrolledDesk, month, startTestHub, type TestHub } from '../hub/fixtures';
import { coordinatorTransportFactory, type CoordinatorTransportFactory } from '../../main/core/coordinator/transport';
import { call, openCore, removeTempDirs, tempDir, testClock } from './helpers';

// Coordinator mode's exports against a real hub on 127.0.0.1: the range's consolidated tables (the total's every
// table and each site's key figures) written by the exports' writers as CSV, XLSX and ODS, read back by SheetJS:
// the information block, headers, totals, accents, held-back cells as « secret statistique », and no partial file.

let hub: TestHub;
let hubUrl: string;

beforeEach(async () => {
  hub = await startTestHub('sqlite');
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  hubUrl = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await hub.close();
  removeTempDirs();
});

async function upload(credential: string, period: string, people: number, deskId: string) {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/v1/snapshots',
    headers: { authorization: `Bearer ${credential}` },
    payload: month(deskId, period, people),
  });
  expect(res.statusCode).toBe(200);
}

async function connectedCore(o: { transport?: CoordinatorTransportFactory } = {}) {
  const lyon = await enrolledDesk(hub, '69', 'France Services Lyon 3e');
  const vaulx = await enrolledDesk(hub, '69', 'Médiathèque de Vaulx-en-Velin');
  const paris = await enrolledDesk(hub, '75', 'France Services Paris 20e');
  await upload(lyon.credential, '2026-10', 12, lyon.deskId);
  await upload(lyon.credential, '2026-11', 9, lyon.deskId);
  await upload(vaulx.credential, '2026-11', 7, vaulx.deskId);
  await upload(paris.credential, '2026-11', 30, paris.deskId);
  const scope = await hub.admin.createScope({ name: 'Coordination Rhône', kind: 'departement', codes: ['69'] });
  const coordinator = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination Rhône' });
  const dir = tempDir('mediane-coord-exports-');
  let n = 0;
  const core = openCore({
    clock: testClock('2026-12-07T09:00:00.000Z'),
    dialogs: { pickSave: async (purpose) => join(dir, `coordination-${++n}.${purpose}`), pickOpen: async () => '' },
    ...(o.transport ? { coordinatorTransport: o.transport } : {}),
  });
  await call(core, 'coordinator.connect', { hubUrl, credential: coordinator.credential });
  return { core, dir, vaulx, paris };
}

async function ended(core: Core, jobId: string): Promise<JobView> {
  let view = await call(core, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
  return view;
}

async function exportTo(core: Core, format: ExportFormat, from = '2026-10', to = '2026-11', siteId?: string) {
  const target = await call(core, 'files.pickSave', { purpose: format, suggestedName: `coordination.${format}` });
  const input = { targetId: target!.targetId, format, from, to };
  const { jobId } = await call(core, 'coordinator.export', siteId ? { ...input, siteId } : input);
  return ended(core, jobId);
}

/** Every sheet's rows as text, read by SheetJS (independent of the writers); a CSV is one sheet. */
function readBack(path: string): Map<string, string[][]> {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', raw: false });
  return new Map(
    book.SheetNames.map((name) => [
      name,
      XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '' }) as string[][],
    ]),
  );
}

const rowOf = (rows: string[][], first: string) => rows.find((r) => r[0] === first);

describe('coordinator exports', () => {
  it.each(['xlsx', 'ods', 'csv'] as const)(
    '%s: information block, key figures, sites with their total, every table, « secret statistique »',
    async (format) => {
      const { core, dir } = await connectedCore();
      const summary = await call(core, 'coordinator.summary', { from: '2026-10', to: '2026-11' });
      const view = await exportTo(core, format);
      expect(view.state).toBe('done');
      const files = readdirSync(dir);
      expect(files).toEqual([`coordination-1.${format}`]);
      const sheets = readBack(join(dir, files[0]!));
      // A CSV file is one table after another; a workbook has a sheet each.
      const all = [...sheets.values()].flat();
      const section = (name: string) => {
        // In a CSV, a later table starts after a blank line, under its name, and ends at the next blank line.
        const start = all.findIndex((r, i) => r[0] === name && i > 0 && all[i - 1]!.every((c) => c === ''));
        const end = all.findIndex((r, i) => i > start && r.every((c) => c === ''));
        return all.slice(start, end < 0 ? undefined : end);
      };
      const sheet = (name: string) =>
        format === 'csv' ? (name === 'Chiffres clés' ? all : section(name)) : sheets.get(name)!;

      const info = sheet('Chiffres clés');
      expect(info[0]![0]).toBe('Médiane : statistiques consolidées de coordination');
      expect(rowOf(info, 'Périmètre')![1]).toBe('Coordination Rhône');
      expect(rowOf(info, 'Lieux')![1]).toBe('2 : France Services Lyon 3e, Médiathèque de Vaulx-en-Velin');
      expect(rowOf(info, 'Période')![1]).toBe('du 01/10/2026 au 30/11/2026 (2026-10 à 2026-11)');
      expect(rowOf(info, 'Date de l’export')![1]).toMatch(/^07\/12\/2026/);
      expect(rowOf(info, 'Version de la taxonomie')![1]).toMatch(/\S/);
      expect(rowOf(info, 'Secret statistique')![1]).toContain('inférieurs à 5');
      expect(rowOf(info, 'Séances')![1]).toBe(String(12 + 9 + 7));
      expect(rowOf(info, 'Personnes accompagnées')![1]).toBe('28');
      expect(JSON.stringify(all)).not.toContain('Paris');

      const sites = sheet('Lieux');
      const header = sites.find((r) => r[0] === 'Lieu')!;
      expect(header.slice(0, 4)).toEqual(['Lieu', 'Département', 'EPCI', 'Séances']);
      expect(rowOf(sites, 'France Services Lyon 3e')!.slice(1, 4)).toEqual(['69', '', '21']);
      expect(rowOf(sites, 'Médiathèque de Vaulx-en-Velin')![3]).toBe('7');
      expect(rowOf(sites, 'Total du périmètre')![3]).toBe('28');

      const operators = sheet('Opérateurs');
      expect(operators.some((r) => r[0] === 'Libellé' && r[2] === 'Nombre')).toBe(true);
      expect(operators.find((r) => r[1] === 'caf')![2]).toBe('28');

      // Population cells: the released counts summed; a cell no site released is not a number.
      const gender = sheet('Genre');
      expect(gender.some((r) => r.slice(0, 5).join('|') === 'Libellé|Code|Nombre|Part (%)|Secret statistique')).toBe(
        true,
      );
      for (const [key, cell] of Object.entries(summary.total.population.gender)) {
        const row = gender.find((r) => r[1] === key)!;
        expect(row[2]).toBe(cell.n === 0 ? 'secret statistique' : String(cell.n));
        if (cell.suppressedIn > 0) expect(row[4]).toMatch(/^secret statistique dans \d+ relevés?$/);
      }
      expect(Object.values(summary.total.population.gender).some((c) => c.suppressedIn > 0)).toBe(true);
      await core.close();
    },
  );

  it('CSV as French spreadsheets read it: BOM, semicolons, CRLF', async () => {
    const { core, dir } = await connectedCore();
    await exportTo(core, 'csv', '2026-11', '2026-11');
    const text = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
    expect(text.startsWith('\uFEFFMédiane : statistiques consolidées de coordination\r\n')).toBe(true);
    expect(text).toContain('Période;du 01/11/2026 au 30/11/2026 (2026-11 à 2026-11)\r\n');
    expect(text).toContain('France Services Lyon 3e;69;;9;');
    await core.close();
  });

  it('ODS is a valid package: `mimetype` first and stored', async () => {
    const { core, dir } = await connectedCore();
    await exportTo(core, 'ods');
    const b = readFileSync(join(dir, readdirSync(dir)[0]!));
    expect(b.readUInt32LE(0)).toBe(0x04034b50);
    expect(b.readUInt16LE(8)).toBe(0); // stored
    expect(b.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(b.subarray(38, 38 + 46).toString('latin1')).toBe('application/vnd.oasis.opendocument.spreadsheet');
    await core.close();
  });

  it('a hub that stops answering fails the job with its message and leaves no file, not even a partial one', async () => {
    const { core, dir } = await connectedCore();
    await hub.app.close();
    const view = await exportTo(core, 'xlsx');
    expect(view.state).toBe('failed');
    expect(view.error).toMatchObject({ messageKey: 'coordinator.hubUnreachable' });
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'coordination-1.xlsx.part'))).toBe(false);
    await core.close();
  });

  it('a cancelled export leaves no file, not even a partial one', async () => {
    // The hub's answer is held until the cancel has been asked: the job then stops at its first table.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const transport: CoordinatorTransportFactory = (url) => {
      const real = coordinatorTransportFactory(url);
      return {
        ...real,
        async get(path, credential, signal) {
          if (holding) await held;
          return real.get(path, credential, signal);
        },
      };
    };
    const { core, dir } = await connectedCore({ transport });
    holding = true;
    const target = await call(core, 'files.pickSave', { purpose: 'ods', suggestedName: 'coordination.ods' });
    const { jobId } = await call(core, 'coordinator.export', {
      targetId: target!.targetId,
      format: 'ods',
      from: '2026-10',
      to: '2026-11',
    });
    await call(core, 'jobs.cancel', { id: jobId });
    release();
    expect((await ended(core, jobId)).state).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
    await core.close();
  });

  it('one site’s every table; a site outside the scope is refused and nothing is written', async () => {
    const { core, dir, vaulx, paris } = await connectedCore();
    expect((await exportTo(core, 'xlsx', '2026-10', '2026-11', vaulx.site.id)).state).toBe('done');
    const sheets = readBack(join(dir, 'coordination-1.xlsx'));
    const info = sheets.get('Chiffres clés')!;
    expect(rowOf(info, 'Lieux')![1]).toBe('1 : Médiathèque de Vaulx-en-Velin');
    expect(rowOf(info, 'Séances')![1]).toBe('7');
    expect(sheets.get('Opérateurs')!.find((r) => r[1] === 'caf')![2]).toBe('7');
    expect(rowOf(sheets.get('Lieux')!, 'Total du périmètre')![3]).toBe('7');
    const outside = await exportTo(core, 'xlsx', '2026-10', '2026-11', paris.site.id);
    expect(outside.state).toBe('failed');
    expect(outside.error).toMatchObject({ messageKey: 'coordinator.outsideScope' });
    expect(readdirSync(dir)).toEqual(['coordination-1.xlsx']);
    await core.close();
  });
});
