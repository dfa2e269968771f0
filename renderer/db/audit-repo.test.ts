import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkAuditChain, logAudit } from './audit-repo';
import { openDb } from './db';

async function rawPut(db: ReturnType<typeof openDb>, row: unknown): Promise<void> {
  const idb = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('audit', 'readwrite');
    tx.objectStore('audit').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('the sealed audit log', () => {
  it('seals every append, inside a caller’s transaction too, and reads as intact', async () => {
    const db = openDb(`audit-chain-${Date.now()}`);
    await logAudit(db, { action: 'feed.save', details: { id: 'pos', baseUrl: 'https://feed.local', enabled: true } });
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ key: 'x', value: 1 });
      await logAudit(db, { action: 'feed.remove', details: { id: 'pos' } });
    });
    await Promise.all([
      logAudit(db, { action: 'sync.resync', details: { sourceId: 'a' } }),
      logAudit(db, { action: 'sync.resync', details: { sourceId: 'b' } }),
    ]);
    const rows = await db.audit.orderBy(':id').toArray();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(rows[1]!.prev).toBe(rows[0]!.mac);
    expect(await checkAuditChain(db)).toEqual({ ok: true, sealed: 4, unsealedBefore: 0 });
    await db.delete();
  });

  it('refuses updates and deletes through the app, and finds a row edited behind its back', async () => {
    const db = openDb(`audit-tamper-${Date.now()}`);
    const id = await logAudit(db, { action: 'registry.export', details: { format: 'csv', rows: 3, filter: {} } });
    await logAudit(db, { action: 'personal-data.reveal', details: { appealId: 'pos:1' } });
    await expect(db.audit.update(id, { details: { rows: 0 } })).rejects.toThrow();
    await expect(db.audit.delete(id)).rejects.toThrow();
    const row = (await db.audit.get(id))!;
    await rawPut(db, { ...row, details: { ...row.details, rows: 30_000 } });
    expect(await checkAuditChain(db)).toMatchObject({ ok: false, reason: 'edited', rowId: id, seq: 1 });
    await db.delete();
  });

  it('finds the latest rows deleted behind its back', async () => {
    const db = openDb(`audit-tail-${Date.now()}`);
    await logAudit(db, { action: 'feed.remove', details: { id: 'a' } });
    const last = await logAudit(db, { action: 'feed.remove', details: { id: 'b' } });
    // The head advances once the append commits.
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('audit', 'readwrite');
      tx.objectStore('audit').delete(last);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect(await checkAuditChain(db)).toMatchObject({ ok: false, reason: 'tail-missing' });
    await db.delete();
  });
});
