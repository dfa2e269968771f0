import { describe, expect, it } from 'vitest';
import { syncError, type SyncErrorMessage } from '../../shared/messages/sync-error';
import { syncErrorText } from './sync-errors';

/** One message of every kind, so a kind without a sentence in either language is caught. */
const EVERY_KIND: SyncErrorMessage[] = [
  syncError('feed-auth', { status: 401, server: 'token expired' }),
  syncError('feed-rate-limit', { retryAfterSec: 30 }),
  syncError('feed-cursor-gone', { server: null }),
  syncError('feed-gateway-timeout', { status: 504 }),
  syncError('feed-request-rejected', { status: 404, server: null }),
  syncError('feed-unavailable', { status: 503, server: null }),
  syncError('feed-page-too-large'),
  syncError('feed-refused', { detail: 'plain http is off' }),
  syncError('feed-timeout', { timeoutMs: 30_000 }),
  syncError('feed-unreachable', { detail: 'ECONNREFUSED' }),
  syncError('feed-not-json', { detail: 'Unexpected token <' }),
  syncError('feed-page-invalid', { detail: 'items.0.updatedAt: required' }),
  syncError('feed-page-overfull', { items: 3, pageSize: 2 }),
  syncError('feed-page-order', { index: 1, id: 'pos:7' }),
  syncError('feed-item-mismatch', { index: 4 }),
  syncError('feed-stuck'),
  syncError('feed-dataset-changed'),
  syncError('feed-went-back'),
  syncError('folder-unavailable', { folder: 'D:\\exports', detail: 'EACCES' }),
  syncError('folder-interrupted'),
  syncError('folder-file-too-large', { file: 'big.xlsx', limitMegabytes: 100 }),
  syncError('folder-file-refused', { file: 'a.xlsx', reason: { kind: 'encrypted', params: {} } }),
  syncError('empty-page-loop'),
  syncError('quota'),
  syncError('apply-failed', { detail: 'ConstraintError' }),
  syncError('aborted'),
  syncError('cancelled-by-user'),
];

describe('sync error messages', () => {
  it('has a Russian and an English sentence for every kind, with every placeholder filled', () => {
    for (const message of EVERY_KIND) {
      const ru = syncErrorText(message, 'ru');
      const en = syncErrorText(message, 'en');
      expect(ru, message.kind).toMatch(/[А-Яа-яЁё]/);
      expect(en, message.kind).not.toBe(ru);
      expect(`${ru} ${en}`, message.kind).not.toMatch(/\{\w+\}/);
    }
  });

  it('reads the English interface in English', () => {
    expect(syncErrorText(syncError('feed-unavailable', { status: 503, server: null }), 'en')).toBe('The feed is unavailable (HTTP 503, service unavailable).');
    expect(syncErrorText(syncError('feed-unavailable', { status: 503, server: null }), 'ru')).toBe('Лента недоступна (HTTP 503, сервис временно недоступен).');
    expect(syncErrorText(syncError('feed-timeout', { timeoutMs: 500 }), 'en')).toBe('The feed did not answer within 500 ms.');
    expect(syncErrorText(syncError('feed-rate-limit', { retryAfterSec: 30 }), 'en')).toBe('The feed asks to be called less often (HTTP 429). Retrying in 30 s.');
  });

  it('nests the import refusal of a watched-folder file in the same language', () => {
    const refused = syncError('folder-file-refused', { file: 'a.xlsx', reason: { kind: 'encrypted', params: {} } });
    expect(syncErrorText(refused, 'ru')).toMatch(/^Файл «a\.xlsx» не загружен: Файл защищён паролем/);
    expect(syncErrorText(refused, 'en')).toMatch(/^File «a\.xlsx» was not imported: The file is password-protected/);
  });

  it('adds the server’s own text as a quoted detail, never as markup', () => {
    const text = syncErrorText(syncError('feed-auth', { status: 401, server: '<b>expired</b>' }), 'en');
    expect(text).toContain('Server reply: «<b>expired</b>».');
  });

  it('shows a sentence stored before message kinds as written', () => {
    expect(syncErrorText('Лента недоступна (HTTP 503).', 'en')).toBe('Лента недоступна (HTTP 503).');
  });
});
