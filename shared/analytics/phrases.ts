/**
 * «Прочие» decomposition: the recurring problems in a category's appeal texts, as stemmed phrases
 * (two or three content words in a row) with how many appeals use them and a few masked examples.
 *
 * Personal data never leaves this module unmasked (152-ФЗ): texts are masked first (phones,
 * e-mails, long digit runs — СНИЛС, passports, accounts —, apartment numbers, full names and
 * initials), and every word that looks like a proper name in the middle of a sentence is excluded
 * from phrases. Phrases and examples are built from the masked text only.
 *
 * Pure: the stemmer is passed in (the renderer uses Snowball's Russian one, as the search index).
 */

export interface PhraseInput {
  id: string;
  text: string;
}

export interface PhraseExample {
  id: string;
  /** Masked text around the phrase (never the raw text). */
  snippet: string;
}

export interface Phrase {
  /** Stems joined by spaces: the phrase's identity (what matching uses). */
  key: string;
  /** The most frequent surface form, lower-case, from masked text. */
  label: string;
  /** Appeals whose text contains the phrase (each counted once). */
  count: number;
  /** Every appeal with the phrase (what «create a category» maps). */
  ids: string[];
  examples: PhraseExample[];
}

export interface DecomposeOptions {
  stem: (word: string) => string;
  /** A phrase must recur in at least this many appeals. */
  minCount?: number;
  /** Phrases returned, most frequent first. */
  limit?: number;
  examples?: number;
}

export const MASK = '***';

const PHONE = /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b|\b\d{3}[\s-]\d{2}[\s-]\d{2}\b/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Five or more digits, possibly grouped: СНИЛС, passport, account, policy numbers. */
const LONG_NUMBER = /\d(?:[\s-]?\d){4,}/g;
/** Apartment: with a street and a house it identifies a person. */
const FLAT = /(?<![\p{L}])(кв(?:артира)?\.?\s*№?\s*)\d+[а-я]?/giu;
/** «Иванов И. И.», «Иванов И.И.», «И. И. Иванов». */
const SURNAME_INITIALS = /\p{Lu}\p{Ll}+\s+\p{Lu}\.\s*(?:\p{Lu}\.)?|\p{Lu}\.\s*(?:\p{Lu}\.\s*)?\p{Lu}\p{Ll}+/gu;
/** Three capitalised words ending in a patronymic: «Иванов Иван Иванович», «Иван Иванович Иванов». */
const FULL_NAME = /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:вич|вна|чна|ична|инична|оглы|кызы)(?![\p{L}])|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:вич|вна|чна|ична)\s+\p{Lu}\p{Ll}+/gu;
/** «меня зовут Анна», «я, Пётр,» — a first name after an introduction. */
const INTRODUCED = /(зовут|я,)\s+\p{Lu}\p{Ll}+/gu;

/** A capitalised word right beside a mask is the rest of a name the patterns caught part of. */
const BESIDE_MASK = /\*\*\*[ \t]+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+[ \t]+\*\*\*/gu;
const MASK_RUN = /\*\*\*(?:[ \t]+\*\*\*)+/g;

/** The text with personal data replaced by `***`. Idempotent. */
export function maskPersonalData(text: string): string {
  let masked = text
    .replace(EMAIL, MASK)
    .replace(PHONE, MASK)
    .replace(LONG_NUMBER, MASK)
    .replace(FLAT, (_, prefix: string) => `${prefix}${MASK}`)
    .replace(FULL_NAME, MASK)
    .replace(SURNAME_INITIALS, MASK)
    .replace(INTRODUCED, (_, intro: string) => `${intro} ${MASK}`);
  for (let i = 0; i < 2; i++) masked = masked.replace(BESIDE_MASK, MASK);
  return masked.replace(MASK_RUN, MASK);
}

const SENTENCE_END = /[.!?\n]/;

/**
 * For examples shown to people: also masks every capitalised word that is not first in its
 * sentence (a surname the patterns did not recognise), accepting that a place name goes too.
 * `startsSentence`: whether the text's first word begins a sentence.
 */
export function maskProperNames(masked: string, startsSentence = true): string {
  return masked.replace(/[\p{L}]+/gu, (word, offset: number) => {
    if (!/^\p{Lu}/u.test(word) || (word.length > 1 && word === word.toUpperCase())) return word;
    const before = masked.slice(0, offset).trimEnd();
    const first = before.length === 0 ? startsSentence : SENTENCE_END.test(before.at(-1)!);
    return first ? word : MASK;
  });
}

/** Everything `decompose` shows of a text: personal data and proper-name-like words masked. */
export function maskForDisplay(text: string): string {
  return maskProperNames(maskPersonalData(text));
}

const STOP = new Set(
  (
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня ' +
    'еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас там потом себя ничего ей может они ' +
    'тут где есть надо ней для мы тебя их чем была сам чтоб без чего раз тоже себе под будет тогда кто этот того потому ' +
    'этого какой здесь этом один мой тем чтобы нее сейчас были куда зачем всех можно при после над больше тот через эти ' +
    'нас про всего них много эту моя этой перед нельзя такой им более всегда это также просим прошу просьба пожалуйста ' +
    'помогите добрый день здравствуйте уважаемые уважаемый спасибо который которая которые очень наш наша наше нашего ' +
    'нам вопрос обращение обращаюсь году года год'
  ).split(' '),
);

interface Token {
  stem: string;
  surface: string;
  /** Start and end offsets in the masked text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}]+|\*\*\*|[.!?;:\n]/gu;

/**
 * Content words of a masked text, in runs: a stop word, a mask, a number, a sentence end or a
 * proper-name-like word (capitalised, not first in its sentence) breaks a run, so no phrase spans
 * personal data or a name the masks did not catch.
 */
export function contentRuns(masked: string, stem: (w: string) => string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let sentenceStart = true;
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const m of masked.matchAll(WORD)) {
    const word = m[0];
    if (word === MASK || /^[.!?;:\n]$/.test(word)) {
      flush();
      if (word !== MASK) sentenceStart = true;
      continue;
    }
    const capitalised = /^\p{Lu}/u.test(word);
    const first = sentenceStart;
    sentenceStart = false;
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    const abbreviation = word.length > 1 && word === word.toUpperCase();
    if ((capitalised && !first && !abbreviation) || lower.length < 3 || STOP.has(lower)) {
      flush();
      continue;
    }
    run.push({ stem: stem(lower), surface: lower, start: m.index, end: m.index + word.length });
  }
  flush();
  return runs;
}

const SNIPPET_CONTEXT = 60;

/** Masked text around [start, end), whole words only, with proper-name-like words masked too. */
function snippetOf(masked: string, start: number, end: number): string {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  while (from > 0 && from < start && /\p{L}/u.test(masked[from - 1]!)) from++;
  let to = Math.min(masked.length, end + SNIPPET_CONTEXT);
  while (to < masked.length && to > end && /\p{L}/u.test(masked[to]!)) to--;
  const before = masked.slice(0, from).trimEnd();
  const startsSentence = before.length === 0 || SENTENCE_END.test(before.at(-1)!);
  const body = maskProperNames(masked.slice(from, to), startsSentence).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < masked.length ? '…' : ''}`;
}

/** Recurring phrases of the texts, most frequent first; longer phrases win over the shorter ones they contain when nearly as frequent. */
export function decompose(inputs: readonly PhraseInput[], options: DecomposeOptions): Phrase[] {
  const minCount = options.minCount ?? 3;
  const limit = options.limit ?? 30;
  const exampleCount = options.examples ?? 3;
  const found = new Map<string, { ids: string[]; surfaces: Map<string, number>; examples: PhraseExample[] }>();
  for (const input of inputs) {
    const masked = maskPersonalData(input.text);
    const seen = new Set<string>();
    for (const run of contentRuns(masked, options.stem)) {
      for (let n = 2; n <= 3; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const words = run.slice(i, i + n);
          const key = words.map((w) => w.stem).join(' ');
          if (seen.has(key)) continue;
          seen.add(key);
          let entry = found.get(key);
          if (!entry) found.set(key, (entry = { ids: [], surfaces: new Map(), examples: [] }));
          entry.ids.push(input.id);
          const surface = words.map((w) => w.surface).join(' ');
          entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
          if (entry.examples.length < exampleCount) entry.examples.push({ id: input.id, snippet: snippetOf(masked, words[0]!.start, words[n - 1]!.end) });
        }
      }
    }
  }
  const frequent = [...found.entries()].filter(([, e]) => e.ids.length >= minCount);
  const counts = new Map(frequent.map(([k, e]) => [k, e.ids.length]));
  // A pair inside a triple that is nearly as frequent says less than the triple.
  const subsumed = new Set<string>();
  for (const [key, e] of frequent) {
    const stems = key.split(' ');
    if (stems.length !== 3) continue;
    for (const part of [stems.slice(0, 2).join(' '), stems.slice(1).join(' ')]) {
      const c = counts.get(part);
      if (c !== undefined && e.ids.length >= 0.8 * c) subsumed.add(part);
    }
  }
  return frequent
    .filter(([key]) => !subsumed.has(key))
    .map(([key, e]) => ({
      key,
      label: [...e.surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      count: e.ids.length,
      ids: e.ids,
      examples: e.examples,
    }))
    .sort((a, b) => b.count - a.count || b.key.split(' ').length - a.key.split(' ').length || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

/** Whether a text contains the phrase (same masking and stemming as `decompose`). */
export function textHasPhrase(text: string, key: string, stem: (w: string) => string): boolean {
  const stems = key.split(' ');
  for (const run of contentRuns(maskPersonalData(text), stem)) {
    for (let i = 0; i + stems.length <= run.length; i++) if (stems.every((s, j) => run[i + j]!.stem === s)) return true;
  }
  return false;
}
