/**
 * Size checks for files the operator picks for import (runtime: Electron main; pure). Sizes come
 * from `stat` before any byte is read, so a huge file is refused without touching memory.
 */
import { MAX_PICKED_FILE_BYTES, MAX_PICKED_TOTAL_BYTES } from '../shared/ipc/contract';

export interface PickedStat {
  name: string;
  size: number;
  isFile: boolean;
}

export interface PickLimits {
  perFile: number;
  total: number;
}

export const PICK_LIMITS: PickLimits = { perFile: MAX_PICKED_FILE_BYTES, total: MAX_PICKED_TOTAL_BYTES };

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('ru-RU')} МБ`;
}

/** Null when the pick may be read, otherwise the reason in Russian. */
export function checkPick(files: readonly PickedStat[], limits: PickLimits = PICK_LIMITS): string | null {
  let total = 0;
  for (const file of files) {
    if (!file.isFile) return `«${file.name}» — не файл.`;
    if (file.size > limits.perFile) return `Файл «${file.name}» больше ${megabytes(limits.perFile)}: такой файл программа не принимает.`;
    total += file.size;
  }
  if (total > limits.total) return `Выбранные файлы вместе больше ${megabytes(limits.total)}: выберите меньше файлов за раз.`;
  return null;
}
