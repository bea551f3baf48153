import { create } from "zustand";
import { MeResponse, type SessionUser, type SignInBody, type SignUpBody } from "../../shared/auth.ts";
import { apiRequest } from "../net/api.ts";

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
    const me = await apiRequest("/api/auth/me", MeResponse);
    set({ user: me.user, checked: true });
  },
  signIn: async (body) => {
    const me = await apiRequest("/api/auth/signin", MeResponse, { method: "POST", body });
    set({ user: me.user, checked: true });
  },
  signUp: async (body) => {
    const me = await apiRequest("/api/auth/signup", MeResponse, { method: "POST", body });
    set({ user: me.user, checked: true });
  },
  signOut: async () => {
    await fetch("/api/auth/signout", { method: "POST", credentials: "same-origin" });
    set({ user: null });
  },
}));
