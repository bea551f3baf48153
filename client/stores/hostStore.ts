import { create } from "zustand";
import { host } from "../../shared/api/index.ts";
import type { HostHandoff, LocalizedLine } from "../../shared/host/chatMessages.ts";
import type { HostInfo } from "../../shared/host/hostApi.ts";
import { callApi } from "../net/api.ts";

const VOICE_KEY = "vitrine.host.voice";

/** The host's line on screen: one id per line, the text in every locale (may hold line tokens). */
export type HostLine = { id: number; text: LocalizedLine; until: number };

/** UI-rate facts about the host, copied from the room's state when they change (not per frame). */
export type HostStatus = {
  name: string;
  mode: string;
  presentingProductId: string;
  tourId: string;
  tourStop: number;
  followers: number;
  announceDropId: string;
  announceAt: number;
};

export type HostStore = {
  info: HostInfo | null;
  infoError: string | null;
  status: HostStatus | null;
  line: HostLine | null;
  /** The pointer is over the host (the hover card shows). */
  hovered: boolean;
  /** Speak the host's lines aloud (speechSynthesis); remembered, off unless the person turns it on. */
  voice: boolean;
  /** The person asked to follow the host's tour. */
  following: boolean;
  /** Product card the person closed while the host still presents it (not reopened for that id). */
  dismissedPresentation: string;
  /** Drop announcement the person closed. */
  dismissedAnnouncement: string;
  /** The advisor hand-off the host last offered this person (HostHandoffCard), until closed. */
  handoff: HostHandoff | null;
  loadInfo: () => Promise<void>;
  setStatus: (status: HostStatus | null) => void;
  setLine: (line: HostLine | null) => void;
  setHovered: (hovered: boolean) => void;
  setVoice: (voice: boolean) => void;
  setFollowing: (following: boolean) => void;
  dismissPresentation: (productId: string) => void;
  dismissAnnouncement: (dropId: string) => void;
  offerHandoff: (handoff: HostHandoff | null) => void;
};

function savedVoice(): boolean {
  try {
    return globalThis.localStorage?.getItem(VOICE_KEY) === "on";
  } catch {
    return false;
  }
}

function sameStatus(a: HostStatus | null, b: HostStatus | null): boolean {
  if (a === null || b === null) return a === b;
  return (Object.keys(a) as Array<keyof HostStatus>).every((k) => a[k] === b[k]);
}

export const useHostStore = create<HostStore>((set, get) => ({
  info: null,
  infoError: null,
  status: null,
  line: null,
  hovered: false,
  voice: savedVoice(),
  following: false,
  dismissedPresentation: "",
  dismissedAnnouncement: "",
  handoff: null,
  loadInfo: async () => {
    if (get().info) return;
    try {
      set({ info: await callApi(host.hostInfo), infoError: null });
    } catch (e) {
      set({ infoError: e instanceof Error ? e.message : String(e) });
    }
  },
  setStatus: (status) => {
    if (!sameStatus(get().status, status)) set({ status });
  },
  setLine: (line) => {
    const current = get().line;
    if (current?.id === line?.id && current?.until === line?.until) return;
    set({ line });
  },
  setHovered: (hovered) => {
    if (get().hovered !== hovered) set({ hovered });
  },
  setVoice: (voice) => {
    try {
      globalThis.localStorage?.setItem(VOICE_KEY, voice ? "on" : "off");
    } catch {
      // private mode: the choice lasts for this page only
    }
    if (!voice) globalThis.speechSynthesis?.cancel();
    set({ voice });
  },
  setFollowing: (following) => set({ following }),
  dismissPresentation: (productId) => set({ dismissedPresentation: productId }),
  dismissAnnouncement: (dropId) => set({ dismissedAnnouncement: dropId }),
  offerHandoff: (handoff) => set({ handoff }),
}));
