import { create } from 'zustand';
import { z } from 'zod';
import { Me } from '../../shared/api.ts';
import { LoginAnswer, type SecondFactorStep } from '../../shared/signIn.ts';
import { api, ApiFailure } from '../api/http.ts';
import { forgetAccount } from '../local/deviceData.ts';
import { rememberedMe, rememberMe } from '../local/localIndex.ts';
import { setCacheOwner } from '../local/offlineCache.ts';

interface SessionState {
  /** `undefined` while we do not know yet, `null` when signed out. */
  me: Me | null | undefined;
  /**
   * True from signing in on this page (a password, a second factor) until the first page took it
   * (`landed`): that page may choose where the person starts. Not set when a session was found.
   */
  justSignedIn: boolean;
  landed(): void;
  refresh(): Promise<void>;
  /** Signs in with a password; returns the second-factor step when one comes first (202), else null. */
  signIn(email: string, password: string): Promise<SecondFactorStep | null>;
  /** Signed in after the second factor. */
  signedIn(me: Me): void;
  signOut(): Promise<void>;
}

function signedIn(me: Me): { me: Me } {
  rememberMe(me);
  setCacheOwner(me.id);
  return { me };
}

export const useSession = create<SessionState>((set, get) => ({
  me: undefined,
  justSignedIn: false,
  landed() {
    set({ justSignedIn: false });
  },
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
    const answer = await api('POST', '/api/session', LoginAnswer, { email, password });
    if ('next' in answer) return answer;
    set({ ...signedIn(answer), justSignedIn: true });
    return null;
  },
  signedIn(me) {
    set({ ...signedIn(me), justSignedIn: true });
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
