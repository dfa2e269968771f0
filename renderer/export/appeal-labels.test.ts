import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTHOR_REACTIONS, IMPORTANCES, NORMALIZED_STATUSES, OUTCOMES, SOURCE_KINDS } from '../../shared/domain/appeal';
import { INFO_REQUEST_KINDS } from '../../shared/domain/request-terms';
import {
  IMPORTANCE_LABELS,
  INFO_REQUEST_KIND_LABELS,
  OUTCOME_LABELS,
  QUALITY_FLAG_LABELS,
  QUALITY_FLAGS,
  qualityFlagLabel,
  REACTION_LABELS,
  SOURCE_LABELS,
  sourceLabel,
  STATUS_LABELS,
} from './appeal-labels';

/** Every domain value the interface shows, with its dictionary: one label per value and language. */
const TABLES = [
  ['source', SOURCE_KINDS, SOURCE_LABELS],
  ['status', NORMALIZED_STATUSES, STATUS_LABELS],
  ['outcome', OUTCOMES, OUTCOME_LABELS],
  ['importance', IMPORTANCES, IMPORTANCE_LABELS],
  ['reaction', AUTHOR_REACTIONS, REACTION_LABELS],
  ['quality flag', QUALITY_FLAGS, QUALITY_FLAG_LABELS],
  ['request kind', INFO_REQUEST_KINDS, INFO_REQUEST_KIND_LABELS],
] as const;

describe('value labels', () => {
  it.each(TABLES)('every %s has its own label in Russian and English, never the raw id', (_name, values, labels) => {
    for (const lang of ['ru', 'en'] as const) {
      const dict = labels[lang] as Record<string, string>;
      expect(Object.keys(dict).sort()).toEqual([...values].sort());
      for (const v of values) {
        expect(dict[v]!.trim()).not.toBe('');
        expect(dict[v]).not.toBe(v);
      }
      expect(new Set(values.map((v) => dict[v])).size).toBe(values.length);
    }
    for (const v of values) expect((labels.ru as Record<string, string>)[v]).toMatch(/[а-яё]/i);
  });

  it('names the official source one way everywhere (registry, card, wall)', () => {
    expect(sourceLabel('official')).toBe('Официальная информация органов');
    expect(sourceLabel('official', 'en')).toBe('Official information from bodies');
    // The wall's legend reads the same dictionary instead of a list of its own.
    expect(readFileSync('renderer/features/wall/scenes/DynamicsScene.tsx', 'utf8')).toContain('sourceLabel(source, lang)');
  });

  it('labels every quality flag the importers, the demo and the feed set', () => {
    const files = ['shared/import/convert-context.ts', 'shared/demo/model.ts', 'renderer/sync/sources/http-feed-source.ts'];
    const set = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:qualityFlags|flags)\.push\('([^']+)'\)/g)) set.add(m[1]!);
    }
    expect(set.size).toBeGreaterThanOrEqual(5);
    expect([...set].sort()).toEqual([...QUALITY_FLAGS].sort());
    expect(qualityFlagLabel('unmapped-sector')).toBe('категория не сопоставлена с отраслью');
    // A flag this version does not know stays visible as stored rather than vanishing.
    expect(qualityFlagLabel('future-flag')).toBe('future-flag');
  });
});
