/**
 * The saved settings as the UI may see them (keys masked). Every save channel answers with the new
 * document, which replaces this one, so all pages show what is really stored.
 */
import { create } from 'zustand';
import type { AppInfo, MaskedSettings } from '../../shared/contract/settings-schemas';
import { api } from '../api';
import { errorMessage } from '../lib/errors';

interface SettingsState {
  settings: MaskedSettings | null;
  appInfo: AppInfo | null;
  error: string | null;
  load: () => Promise<void>;
  /** store the document a save returned */
  apply: (settings: MaskedSettings) => void;
  setAppInfo: (info: AppInfo) => void;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  appInfo: null,
  error: null,
  load: async () => {
    try {
      const [settings, appInfo] = await Promise.all([api.getSettings(), api.getAppInfo()]);
      set({ settings, appInfo, error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  apply: (settings) => set({ settings }),
  setAppInfo: (appInfo) => set({ appInfo }),
}));
