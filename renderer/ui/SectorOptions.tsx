import type { SectorDefinition } from '../../shared/domain/sectors';

/** The `<option>`s of a sector `<select>`: the short name in filters, the full name in forms. */
export function SectorOptions({ sectors, label = 'short' }: { sectors: readonly Pick<SectorDefinition, 'id' | 'name' | 'shortName'>[]; label?: 'short' | 'full' }) {
  return (
    <>
      {sectors.map((s) => (
        <option key={s.id} value={s.id}>
          {label === 'short' ? s.shortName : s.name}
        </option>
      ))}
    </>
  );
}
