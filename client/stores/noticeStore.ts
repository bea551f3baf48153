import { create } from "zustand";

export type Notice = { id: number; tone: "info" | "error"; text: string };

type NoticeStore = {
  notices: Notice[];
  push: (tone: Notice["tone"], text: string) => void;
  dismiss: (id: number) => void;
};

let nextId = 1;

/** Short messages for the person at the screen: joins, errors, copied links. */
export const useNoticeStore = create<NoticeStore>((set, get) => ({
  notices: [],
  push: (tone, text) => {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.slice(-3), { id, tone, text }] }));
    setTimeout(() => get().dismiss(id), tone === "error" ? 9000 : 5000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
