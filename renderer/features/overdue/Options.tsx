/** The options of a select over a fixed list of codes, shown by their labels. */
export function Options<V extends string>({ values, label }: { values: readonly V[]; label(v: V): string }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </>
  );
}
