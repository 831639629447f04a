import { create } from 'zustand';
import { z } from 'zod';
import { Me } from '../../shared/api.ts';
import { api, ApiFailure } from '../api/http.ts';
import { forgetAccount } from '../local/deviceData.ts';
import { rememberedMe, rememberMe } from '../local/localIndex.ts';
import { setCacheOwner } from '../local/offlineCache.ts';

interface SessionState {
  /** `undefined` while we do not know yet, `null` when signed out. */
  me: Me | null | undefined;
  refresh(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

function signedIn(me: Me): { me: Me } {
  rememberMe(me);
  setCacheOwner(me.id);
  return { me };
}

export const useSession = create<SessionState>((set, get) => ({
  me: undefined,
  async refresh() {
    const remembered = rememberedMe();
    // Offline: open at once with the person last signed in here, rather than after the retries.
    if (!navigator.onLine && remembered && get().me === undefined) set(signedIn(remembered));
    try {
      set(signedIn(await api('GET', '/api/me', Me)));
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) {
        setCacheOwner(null);
        set({ me: null });
        return;
      }
      // No answer (offline, or the server restarting): the person last signed in on this device,
      // so the app opens with the copies kept here. The server decides again once it is back.
      if (remembered) set(signedIn(remembered));
      else if (get().me === undefined) set({ me: null });
    }
  },
  async signIn(email, password) {
    set(signedIn(await api('POST', '/api/session', Me, { email, password })));
  },
  async signOut() {
    const me = get().me;
    // The copies on this device go whether or not the server can be told: it is this device's data.
    const told = api('DELETE', '/api/session', z.unknown()).catch(() => undefined);
    set({ me: null });
    setCacheOwner(null);
    if (me) await forgetAccount(me.id);
    await told;
  },
}));
