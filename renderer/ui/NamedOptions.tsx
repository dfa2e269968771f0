/**
 * The `<option>`s of a `<select>` over named things valued by id (sectors, municipalities,
 * playlists): the short name in filters and compact pickers, the full name in forms.
 */
export function NamedOptions({ items, label = 'short' }: { items: readonly { id: string; name: string; shortName?: string }[]; label?: 'short' | 'full' }) {
  return (
    <>
      {items.map((u) => (
        <option key={u.id} value={u.id}>
          {label === 'short' ? (u.shortName ?? u.name) : u.name}
        </option>
      ))}
    </>
  );
}
