import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

const { saveFile } = vi.hoisted(() => ({ saveFile: vi.fn(async (_name: string, _blob: Blob) => true) }));
vi.mock('../../platform', () => ({ platform: { saveFile: (name: string, blob: Blob) => saveFile(name, blob) } }));
vi.mock('../../db/audit-repo', async (original) => ({
  ...(await original<typeof import('../../db/audit-repo')>()),
  logAudit: vi.fn(async () => {
    throw new Error('QuotaExceededError');
  }),
}));

import { openDb } from '../../db/db';
import { exportAuditLog } from './audit-export';

describe('exporting the activity log', () => {
  it('writes no file when its audit entry cannot be written', async () => {
    const db = openDb(`audit-export-${Date.now()}`);
    await db.audit.add({ at: 1, action: 'feed.save', user: 'operator', details: { id: 'pos' } });
    const input = { query: { actions: null, from: null, to: null }, filter: {}, lang: 'ru' as const, timeZone: 'Europe/Moscow' };
    await expect(exportAuditLog(db, input)).rejects.toThrow('QuotaExceededError');
    expect(saveFile).not.toHaveBeenCalled();
    await db.delete();
  });
});
