import { describe, expect, it } from 'vitest';
import { parseNewRecordQuery } from './subject';

const parse = (q: string) => parseNewRecordQuery(new URLSearchParams(q));

describe('new record from anywhere: the URL', () => {
  it.each([
    ['kind=escalation&appeal=pos:1&label=1234', { kind: 'escalation', subject: { kind: 'appeal', id: 'pos:1', label: '1234' } }],
    ['kind=info-request&organisation=УК Дом', { kind: 'info-request', subject: { kind: 'organisation', id: 'УК Дом', label: 'УК Дом' } }],
    ['kind=escalation&spike=roads:kirov:2026-12-01&sector=roads&municipality=kirov', { kind: 'escalation', subject: { kind: 'spike', id: 'roads:kirov:2026-12-01', label: 'roads:kirov:2026-12-01' }, sector: 'roads', municipality: 'kirov' }],
    ['kind=instruction&sector=roads', { kind: 'instruction', subject: { kind: 'sector', id: 'roads', label: 'roads' } }],
    ['kind=bogus&cell=a|b&municipality=kirov', { kind: 'escalation', subject: { kind: 'cell', id: 'a|b', label: 'a|b' }, municipality: 'kirov' }],
    ['kind=escalation', { kind: 'escalation', subject: null }],
    ['kind=escalation&appeal=%20%20', { subject: null }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });

  it('cuts over-long values', () => {
    expect(parse(`organisation=${'я'.repeat(1000)}`).subject?.id.length).toBe(300);
  });
});

describe('links built by other screens', () => {
  it('read back as the subject they name', async () => {
    const { controlNewHref } = await import('../../app/control-links');
    const href = controlNewHref('info-request', { spike: 'roads|kirov', label: 'Ямы · г. Киров', sector: 'roads', municipality: 'kirov', organisation: null });
    const parsed = parseNewRecordQuery(new URLSearchParams(href.split('?')[1]));
    expect(parsed).toEqual({ kind: 'info-request', subject: { kind: 'spike', id: 'roads|kirov', label: 'Ямы · г. Киров' }, sector: 'roads', municipality: 'kirov', organisation: null });
  });
});
