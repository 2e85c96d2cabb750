/**
 * One in-page confirmation at a time ("Leave without saving?"), answered through <ConfirmHost>,
 * a native <dialog>: modal, keyboard-trapped, Escape cancels, and it works under a strict CSP
 * (window.confirm is also blocked in some embedders).
 */
import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
}

interface ConfirmState {
  request: ConfirmRequest | null;
  resolve: ((ok: boolean) => void) | null;
  ask: (req: Partial<ConfirmRequest> & Pick<ConfirmRequest, 'message'>) => Promise<boolean>;
  answer: (ok: boolean) => void;
}

export const useConfirm = create<ConfirmState>((set, get) => ({
  request: null,
  resolve: null,
  ask: (req) => {
    get().resolve?.(false); // a newer question replaces an unanswered one
    return new Promise<boolean>((resolve) => {
      set({
        request: { title: 'Are you sure?', confirmLabel: 'OK', cancelLabel: 'Cancel', ...req },
        resolve,
      });
    });
  },
  answer: (ok) => {
    const { resolve } = get();
    set({ request: null, resolve: null });
    resolve?.(ok);
  },
}));

export const confirm = (req: Partial<ConfirmRequest> & Pick<ConfirmRequest, 'message'>): Promise<boolean> => useConfirm.getState().ask(req);
