/// <reference path="./snowball-stemmers.d.ts" />
/**
 * Turns text into search terms that match across Russian word forms: Unicode-normalised,
 * lower-cased, ё folded to е, invisible format characters (zero-width, bidi overrides) dropped,
 * split on anything that is not a letter or digit, each word reduced by the Snowball Russian
 * stemmer («протекает», «протекла», «протечка» → «протека»/«протекл»/«протечк»; «крыша», «крыши» → «крыш»).
 */
import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('russian');

/** Zero-width, bidi control and other format characters (Unicode category Cf). */
const FORMAT_CHARS = /\p{Cf}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
/** Words longer than this are noise (hashes, base64) and would bloat the index. */
const MAX_WORD = 40;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(FORMAT_CHARS, '').toLowerCase().replace(/ё/g, 'е');
}

/** One term per word: the stem, or null for words the index skips. */
export function stemTerm(word: string): string | null {
  const normal = normalizeText(word);
  if (normal.length === 0 || normal.length > MAX_WORD) return null;
  return stemmer.stem(normal);
}

export function tokenize(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}
