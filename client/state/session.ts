import { create } from 'zustand';
import { z } from 'zod';
import { Me } from '../../shared/api.ts';
import { api, ApiFailure } from '../api/http.ts';

interface SessionState {
  /** `undefined` while we do not know yet, `null` when signed out. */
  me: Me | null | undefined;
  refresh(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set) => ({
  me: undefined,
  async refresh() {
    try {
      set({ me: await api('GET', '/api/me', Me) });
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) set({ me: null });
      else throw e;
    }
  },
  async signIn(email, password) {
    set({ me: await api('POST', '/api/session', Me, { email, password }) });
  },
  async signOut() {
    await api('DELETE', '/api/session', z.unknown());
    set({ me: null });
  },
}));
