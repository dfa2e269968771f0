/** Normalisation of Russian labels for matching: case, ё, quotes, punctuation and spacing do not matter. */
export function normalizeLabel(value: string): string {
  return value
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'`]/g, '')
    .replace(/[.,;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
