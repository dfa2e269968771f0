import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/centre/canonical-json';
import type { SharedRecordSyncRow } from '../../db/schema';
import { standingOf } from './record-states';

const row = { id: 'esc:1', status: 'open', note: 'a', updatedAt: 5 };
const sync = (over: Partial<SharedRecordSyncRow>): SharedRecordSyncRow => ({
  id: 'esc:1',
  kind: 'escalation',
  state: 'sent',
  baseVersion: 1,
  agreedJson: canonicalJson(row),
  changeId: null,
  inFlight: [],
  theirs: null,
  deleted: false,
  sentJson: null,
  ...over,
});

describe('a shared record’s standing in a list', () => {
  it('is pending when never sent, sent when equal to the server’s version, pending as soon as edited here', () => {
    expect(standingOf(row, undefined).state).toBe('pending');
    expect(standingOf(row, sync({})).state).toBe('sent');
    // Key order does not matter: the comparison is on canonical JSON.
    expect(standingOf({ updatedAt: 5, note: 'a', status: 'open', id: 'esc:1' }, sync({})).state).toBe('sent');
    expect(standingOf({ ...row, status: 'resolved' }, sync({})).state).toBe('pending');
    expect(standingOf(undefined, sync({})).state).toBe('pending');
    expect(standingOf(undefined, sync({ deleted: true, agreedJson: null })).state).toBe('sent');
  });

  it('is a conflict with the server’s version while one stands', () => {
    const theirs = { id: 'esc:1', kind: 'escalation', version: 2, deleted: false, body: { ...row, note: 'b' }, updatedAt: 9, updatedBy: 'АРМ 2', changeId: 'chg-x' };
    const standing = standingOf(row, sync({ state: 'conflict', theirs }));
    expect(standing).toEqual({ state: 'conflict', theirs });
  });
});
