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

/**
 * Russian function words (the Snowball project's stop list, abridged): in nearly every appeal, so
 * their posting lists would be the index's largest while telling no appeal from another. Dropped
 * from texts and queries alike, so «запись к врачу» finds what «запись врачу» finds.
 */
const STOP_WORDS = new Set(
  (
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня ' +
    'еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там ' +
    'потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе ' +
    'под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были ' +
    'куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая ' +
    'много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно ' +
    'всю между это также'
  ).split(' '),
);

/**
 * Stems of words already seen. Appeal texts repeat a small vocabulary (Zipf), so most words are
 * stemmed once; the cache is dropped when it grows past its bound, never grows without one.
 */
const stems = new Map<string, string | null>();
const MAX_CACHED_STEMS = 200_000;

/** One term per word: the stem, or null for words the index skips. */
export function stemTerm(word: string): string | null {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  const normal = normalizeText(word);
  const stem = normal.length === 0 || normal.length > MAX_WORD || STOP_WORDS.has(normal) ? null : stemmer.stem(normal);
  if (stems.size >= MAX_CACHED_STEMS) stems.clear();
  stems.set(word, stem);
  return stem;
}

export function tokenize(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}
