/**
 * UI state of the overdue view: which list is shown (and which ageing bucket), the page cursors,
 * the open action form and the records' filters. Transitions are pure functions so they are
 * tested without React; the zustand store only applies them.
 */
import { create } from 'zustand';
import type { EscalationStatus, InfoRequestStatus } from '../../db/cur-records-repo';
import type { AgeingBucket, OverdueListKind, PageCursor } from './shape';

export type ActionKind = 'escalate' | 'request';

export interface OverdueViewState {
  readonly kind: OverdueListKind;
  readonly bucket: AgeingBucket | null;
  /** Cursors of the pages before the current one; the last is the current page's start. */
  readonly cursors: readonly (PageCursor | null)[];
  readonly action: { kind: ActionKind; appealId: string } | null;
  readonly escalationStatus: EscalationStatus | null;
  readonly requestStatus: InfoRequestStatus | null;
}

export const INITIAL_OVERDUE_VIEW: OverdueViewState = {
  kind: 'overdue',
  bucket: null,
  cursors: [null],
  action: null,
  escalationStatus: null,
  requestStatus: null,
};

export function showList(state: OverdueViewState, kind: OverdueListKind, bucket: AgeingBucket | null = null): OverdueViewState {
  return { ...state, kind, bucket: kind === 'overdue' ? bucket : null, cursors: [null] };
}

export function nextPage(state: OverdueViewState, next: PageCursor | null): OverdueViewState {
  return next ? { ...state, cursors: [...state.cursors, next] } : state;
}

export function previousPage(state: OverdueViewState): OverdueViewState {
  return state.cursors.length > 1 ? { ...state, cursors: state.cursors.slice(0, -1) } : state;
}

export function currentCursor(state: OverdueViewState): PageCursor | null {
  return state.cursors[state.cursors.length - 1] ?? null;
}

interface OverdueViewStore extends OverdueViewState {
  showList(kind: OverdueListKind, bucket?: AgeingBucket | null): void;
  nextPage(next: PageCursor | null): void;
  previousPage(): void;
  firstPage(): void;
  openAction(kind: ActionKind, appealId: string): void;
  closeAction(): void;
  setEscalationStatus(status: EscalationStatus | null): void;
  setRequestStatus(status: InfoRequestStatus | null): void;
}

export const useOverdueView = create<OverdueViewStore>((set) => ({
  ...INITIAL_OVERDUE_VIEW,
  showList: (kind, bucket = null) => set((s) => showList(s, kind, bucket)),
  nextPage: (next) => set((s) => nextPage(s, next)),
  previousPage: () => set((s) => previousPage(s)),
  firstPage: () => set({ cursors: [null] }),
  openAction: (kind, appealId) => set({ action: { kind, appealId } }),
  closeAction: () => set({ action: null }),
  setEscalationStatus: (escalationStatus) => set({ escalationStatus }),
  setRequestStatus: (requestStatus) => set({ requestStatus }),
}));
