import { create } from 'zustand';
import { formatProblem, type Problem } from '../../../shared/domain/problem';

/** A message for the user: an outcome, an error with its problems, or a question. */
export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error' | 'warning';
  text: string;
  /** Problems with their places (`Fleet!E14: ...`), listed under the text. */
  details?: string[];
}

interface NoticeState {
  notices: Notice[];
  push(tone: Notice['tone'], text: string, problems?: readonly Problem[]): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push(tone, text, problems) {
    const notice: Notice = { id: nextId++, tone, text, details: problems?.map(formatProblem) };
    // Newest first, and keep the list short: old outcomes stop mattering.
    set((s) => ({ notices: [notice, ...s.notices].slice(0, 4) }));
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));
