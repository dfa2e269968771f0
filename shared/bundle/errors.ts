/**
 * Every way opening a bundle can fail, each with its own Russian message for the official and
 * the administrator. Callers branch on `kind`; the message is what a person reads.
 */

export const BUNDLE_ERROR_KINDS = [
  'not-a-bundle',
  'newer-format',
  'unsupported-suite',
  'truncated',
  'too-large',
  'broken-signature',
  'unknown-signer',
  'malformed-manifest',
  'expired',
  'corrupted',
  'wrong-passphrase',
  'not-a-recipient',
  'decompression-bomb',
  'counts-mismatch',
  'malformed-content',
] as const;
export type BundleErrorKind = (typeof BUNDLE_ERROR_KINDS)[number];

const MESSAGES: Record<BundleErrorKind, string> = {
  'not-a-bundle': 'Файл не является снимком ЦУР (.curbundle).',
  'newer-format': 'Снимок создан более новой версией программы: обновите программу, чтобы открыть его.',
  'unsupported-suite': 'Снимок зашифрован набором алгоритмов, который эта версия программы не поддерживает.',
  truncated: 'Файл снимка обрезан или записан не полностью: скопируйте его заново.',
  'too-large': 'Снимок превышает допустимые размеры и не будет открыт.',
  'broken-signature': 'Подпись снимка недействительна: файл изменён после подписания или повреждён.',
  'unknown-signer': 'Подпись неизвестного центра: снимок подписан ключом, которому этот компьютер не доверяет.',
  'malformed-manifest': 'Описание снимка повреждено или имеет неверный формат.',
  expired: 'Срок действия снимка истёк.',
  corrupted: 'Содержимое снимка не совпадает с подписанными контрольными суммами: файл повреждён или изменён.',
  'wrong-passphrase': 'Неверная парольная фраза.',
  'not-a-recipient': 'Снимок предназначен не для этого компьютера: нет подходящего ключа или парольной фразы.',
  'decompression-bomb': 'Распакованное содержимое снимка больше заявленного: снимок отклонён.',
  'counts-mismatch': 'Количество записей в снимке не совпадает с описанием: снимок отклонён.',
  'malformed-content': 'Данные внутри снимка имеют неверный формат.',
};

export class BundleError extends Error {
  readonly kind: BundleErrorKind;
  /** Technical detail for logs and the CLI (English); the message is the Russian one. */
  readonly detail: string | null;

  constructor(kind: BundleErrorKind, detail: string | null = null) {
    super(MESSAGES[kind]);
    this.name = 'BundleError';
    this.kind = kind;
    this.detail = detail;
  }
}

export function bundleErrorMessage(kind: BundleErrorKind): string {
  return MESSAGES[kind];
}

export function isBundleError(error: unknown, kind?: BundleErrorKind): error is BundleError {
  return error instanceof BundleError && (kind === undefined || error.kind === kind);
}
