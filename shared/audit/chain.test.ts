import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sealNext, verifyAuditChain, type AuditSealer, type SealedAuditRow } from './chain';

const sealer = (key: string): AuditSealer => ({ mac: async (m) => createHmac('sha256', key).update(m).digest('hex') });
const KEY = sealer('workstation-key');

async function chainOf(contents: { at: number; action: string; details: Record<string, unknown> }[], unsealedBefore = 0): Promise<SealedAuditRow[]> {
  const rows: SealedAuditRow[] = [];
  for (let i = 0; i < unsealedBefore; i++) rows.push({ id: rows.length + 1, at: i, action: 'import', user: 'operator', details: {} });
  let last = null;
  for (const c of contents) {
    const row = { ...c, user: 'operator' };
    last = await sealNext(KEY, row, last);
    rows.push({ id: rows.length + 1, ...row, ...last });
  }
  return rows;
}

const headOf = (rows: SealedAuditRow[]) => {
  const last = rows[rows.length - 1];
  return last?.seq ? { seq: last.seq, mac: last.mac! } : null;
};

const contentArb = fc.record({
  at: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  action: fc.constantFrom('registry.export', 'personal-data.reveal', 'import.complete', 'feed.save'),
  details: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean())),
});

describe('audit hash chain', () => {
  it('is whole when nothing was touched, rows written before sealing counted apart', async () => {
    const rows = await chainOf([{ at: 1, action: 'feed.save', details: { id: 'pos' } }, { at: 2, action: 'feed.remove', details: { id: 'pos' } }], 3);
    expect(await verifyAuditChain(rows, KEY, headOf(rows))).toEqual({ ok: true, sealed: 2, unsealedBefore: 3 });
  });

  it('does not depend on the order of keys in the details', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('cannot be re-sealed without the key', async () => {
    const rows = await chainOf([{ at: 1, action: 'registry.export', details: { rows: 3 } }]);
    const forged = { ...rows[0]!, details: { rows: 30000 } };
    const reSealed = { ...forged, ...(await sealNext(sealer('guessed-key'), forged, null)) };
    expect(await verifyAuditChain([reSealed], KEY, null)).toMatchObject({ ok: false, reason: 'edited', rowId: 1 });
  });

  it('finds any edited, reordered or deleted row, and says where', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contentArb, { minLength: 2, maxLength: 12 }),
        fc.constantFrom('edit', 'swap', 'delete', 'delete-tail', 'unsealed-insert'),
        fc.nat(),
        fc.nat(),
        async (contents, tamper, a, b) => {
          const rows = await chainOf(contents);
          const head = headOf(rows);
          const i = a % rows.length;
          let j = b % rows.length;
          if (j === i) j = (i + 1) % rows.length;
          const tampered = rows.map((r) => ({ ...r }));
          if (tamper === 'edit') tampered[i] = { ...tampered[i]!, details: { ...tampered[i]!.details as object, tampered: true } };
          if (tamper === 'swap') {
            // Reordered: the two rows trade places (their ids stay in order, their contents move).
            const [x, y] = [tampered[i]!, tampered[j]!];
            tampered[i] = { ...y, id: x.id };
            tampered[j] = { ...x, id: y.id };
          }
          if (tamper === 'delete') tampered.splice(i, 1);
          if (tamper === 'delete-tail') tampered.pop();
          if (tamper === 'unsealed-insert') tampered.splice(i + 1, 0, { id: 999, at: 0, action: 'feed.save', user: 'operator', details: {} });
          const check = await verifyAuditChain(tampered, KEY, head);
          expect(check.ok).toBe(false);
          if (!check.ok && tamper === 'edit') expect(check.rowId).toBe(rows[i]!.id);
          if (!check.ok && tamper === 'delete-tail') expect(check.reason).toBe('tail-missing');
        },
      ),
      { numRuns: 200 },
    );
  });
});
