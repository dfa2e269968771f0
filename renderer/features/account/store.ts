/** The recovery key between its creation and «Я сохранил ключ»: held only in memory, shown once. */
import { create } from 'zustand';

export const recoveryKeyStore = create<{ key: string | null }>(() => ({ key: null }));
