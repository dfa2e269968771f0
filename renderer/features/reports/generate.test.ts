import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { DEFAULT_RATING_WEIGHTS } from '../../../shared/domain/rating';
import { demoYear } from '../../../shared/demo';
import { upsertAppeals } from '../../db/appeals-repo';
import { openDb } from '../../db/db';
import type { CurDatabase } from '../../db/schema';
import { archiveReport, listArchive } from './archive';
import { generateReport, type GenerateParams } from './generate';

const NOW = Date.parse('2026-12-03T09:00:00Z');
let db: CurDatabase;

const params = (generatedAt: number, formats: GenerateParams['formats'] = []): GenerateParams => ({
  kind: 'weekly',
  periodCode: '2026-W48',
  scope: { sector: 'roads' },
  regionId: KIROV_PACK.id,
  now: NOW,
  generatedAt,
  dataAsOf: NOW,
  sources: ['Демо-регион'],
  demo: true,
  author: 'operator',
  weights: DEFAULT_RATING_WEIGHTS,
  formats,
});
const noPdf = () => Promise.reject(new Error('no PDF in this test'));

beforeAll(async () => {
  db = openDb('reports-generate', { timeZone: KIROV_PACK.timeZone });
  await upsertAppeals(db, demoYear({ seed: 5, scale: 1500, pack: KIROV_PACK }, NOW));
});
afterAll(async () => {
  await db.delete();
});

describe('generating a report in the app', () => {
  it('gives the same numbers when regenerated with the same parameters and data', async () => {
    const first = await generateReport(db, params(NOW), noPdf);
    const second = await generateReport(db, params(NOW + 3_600_000), noPdf);
    expect(second.doc.sections).toEqual(first.doc.sections);
    expect(second.doc.generatedLabel).not.toBe(first.doc.generatedLabel);
    expect(first.doc.scopeLabel).toBe('Блок: Дороги');
  });

  it('hashes every file it writes and keeps parameters, author, data age and hashes in the archive', async () => {
    const p = params(NOW, ['docx', 'xlsx']);
    const result = await generateReport(db, p, noPdf);
    for (const f of result.files) expect(f.sha256).toBe(createHash('sha256').update(f.bytes).digest('hex'));
    expect(result.files.map((f) => f.fileName)).toEqual(['otchet-weekly-2026-W48.docx', 'otchet-weekly-2026-W48.xlsx']);
    const id = await archiveReport(db, p, result.doc, result.files);
    const [row] = await listArchive(db);
    expect(row).toMatchObject({ id, kind: 'weekly', periodCode: '2026-W48', author: 'operator', dataAsOf: NOW, scope: { sector: 'roads', municipality: null, organisation: null } });
    expect(row!.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
    expect(row!.document).toEqual(result.doc);
    const audit = (await db.audit.toArray()).find((a) => a.action === 'report.generate');
    expect(audit?.details).toMatchObject({ archiveId: id, kind: 'weekly', period: '2026-W48', formats: ['docx', 'xlsx'] });
  });

  it('takes a municipality group: the header states it, the archive and the audit keep it', async () => {
    const members = ['bogorodskiy', 'arbazhskiy'];
    const p: GenerateParams = { ...params(NOW), scope: { municipalities: members, groupName: 'Северный куст' } };
    const result = await generateReport(db, p, noPdf);
    expect(result.doc.scopeLabel).toBe('Муниципалитеты: Северный куст (Арбажский округ, Богородский округ)');
    const id = await archiveReport(db, p, result.doc, result.files);
    const row = (await listArchive(db)).find((r) => r.id === id)!;
    expect(row.scope).toEqual({ sector: null, municipality: null, organisation: null, municipalities: members, groupName: 'Северный куст' });
    const audit = (await db.audit.toArray()).filter((a) => a.action === 'report.generate').at(-1);
    expect(audit?.details).toMatchObject({ archiveId: id, scope: { municipalities: members, groupName: 'Северный куст' } });
  });
});
