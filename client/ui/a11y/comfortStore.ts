import { create } from "zustand";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { type ComfortSettings, comfortKey, DEFAULT_COMFORT, motionReduced, readComfort } from "./comfort.ts";

const REDUCED_QUERY = "(prefers-reduced-motion: reduce)";

export type ComfortStore = {
  settings: ComfortSettings;
  /** The system's `prefers-reduced-motion`, kept current. */
  systemReduced: boolean;
  /** Whose settings these are (a signed-in account, or null for the guest). */
  owner: string | null;
  /** The comfort dialog is open. */
  panelOpen: boolean;
  change: (patch: Partial<ComfortSettings>) => void;
  setPanelOpen: (open: boolean) => void;
};

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function load(owner: string | null): ComfortSettings {
  return readComfort(storage()?.getItem(comfortKey(owner)) ?? null);
}

const media = globalThis.matchMedia?.(REDUCED_QUERY) ?? null;

export const useComfortStore = create<ComfortStore>((set, get) => ({
  settings: load(null),
  systemReduced: media?.matches ?? false,
  owner: null,
  panelOpen: false,
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  change: (patch) => {
    const settings = { ...get().settings, ...patch };
    storage()?.setItem(comfortKey(get().owner), JSON.stringify(settings));
    set({ settings });
  },
}));

media?.addEventListener("change", (e) => useComfortStore.setState({ systemReduced: e.matches }));

// A person's own settings follow them when they sign in (and the guest's return on signing out).
useSessionStore.subscribe((s) => {
  const owner = s.user?.id ?? null;
  if (owner === useComfortStore.getState().owner) return;
  const saved = storage()?.getItem(comfortKey(owner));
  // First sign-in on this browser: the person keeps what they chose as a guest.
  const settings = saved ? readComfort(saved) : owner ? useComfortStore.getState().settings : DEFAULT_COMFORT;
  useComfortStore.setState({ owner, settings });
});

/** True when motion is calmed now: read once per frame by the 3D scene (no React render). */
export function reducedMotionNow(): boolean {
  const { settings, systemReduced } = useComfortStore.getState();
  return motionReduced(settings, systemReduced);
}

/** The same, for components. */
export function useReducedMotion(): boolean {
  return useComfortStore((s) => motionReduced(s.settings, s.systemReduced));
}
