import { create } from "zustand";
import { auth } from "../../shared/api/index.ts";
import type { SessionUser, SignInBody, SignUpBody } from "../../shared/auth.ts";
import { ApiError, callApi } from "../net/api.ts";

type SessionStore = {
  user: SessionUser | null;
  checked: boolean;
  refresh: () => Promise<void>;
  signIn: (body: SignInBody) => Promise<void>;
  signUp: (body: SignUpBody) => Promise<void>;
  signOut: () => Promise<void>;
};

export const useSessionStore = create<SessionStore>((set) => ({
  user: null,
  checked: false,
  refresh: async () => {
    const me = await callApi(auth.me);
    set({ user: me.user, checked: true });
  },
  signIn: async (body) => {
    const me = await callApi(auth.signIn, { body });
    set({ user: me.user, checked: true });
  },
  signUp: async (body) => {
    const me = await callApi(auth.signUp, { body });
    set({ user: me.user, checked: true });
  },
  signOut: async () => {
    // Signed out on this page whatever the server answered (an unreachable server throws).
    await callApi(auth.signOut).catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
    });
    set({ user: null });
  },
}));
