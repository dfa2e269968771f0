import { describe, expect, it } from 'vitest';
import { makeAppeal } from '../../tests/support/store-appeal';
import { ColumnStore } from './columns';
import { factsOf } from './facts';

const facts = (i: number, executor: string) => factsOf(makeAppeal({ externalId: String(i + 1), executor }), 20_000 + (i % 30));

describe('column store code widths', () => {
  it('starts with one byte per code and widens only when a code does not fit', () => {
    const store = new ColumnStore(16);
    for (let i = 0; i < 10; i++) store.upsert(facts(i, `E${i % 3}`));
    expect(store.cols.dims.executor.BYTES_PER_ELEMENT).toBe(1);
    for (let i = 10; i < 700; i++) store.upsert(facts(i, `E${i}`));
    expect(store.cols.dims.executor.BYTES_PER_ELEMENT).toBe(2);
    expect(store.cols.dims.sector.BYTES_PER_ELEMENT).toBe(1);
    // Every row still reads back its own value, before and after the widening.
    for (let i = 0; i < 700; i++) expect(store.value('executor', store.rowOfId(`pos:${i + 1}`))).toBe(i < 10 ? `E${i % 3}` : `E${i}`);
  });

  it('keeps codes above 255 through a persisted slice, and narrow chunks stay narrow', () => {
    const wide = new ColumnStore(16);
    for (let i = 0; i < 600; i++) wide.upsert(facts(i, `E${i}`));
    const slice = wide.slice(0, wide.length);
    const loaded = new ColumnStore(16, wide.dictionaryValues());
    loaded.appendSlice(structuredClone(slice));
    for (let i = 0; i < 600; i += 37) expect(loaded.value('executor', i)).toBe(wide.value('executor', i));

    // A chunk an older version wrote with 16-bit codes that all fit in a byte.
    const narrow = new ColumnStore(16);
    for (let i = 0; i < 20; i++) narrow.upsert(facts(i, `E${i % 4}`));
    const old = narrow.slice(0, narrow.length);
    const oldWide = { ...old, dims: { ...old.dims, executor: Uint16Array.from(old.dims.executor) } };
    const again = new ColumnStore(16, narrow.dictionaryValues());
    again.appendSlice(oldWide);
    expect(again.cols.dims.executor.BYTES_PER_ELEMENT).toBe(1);
    for (let i = 0; i < 20; i++) expect(again.value('executor', i)).toBe(`E${i % 4}`);
  });
});
