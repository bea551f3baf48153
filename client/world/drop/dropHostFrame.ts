import type { Locale } from "../../../shared/constants.ts";
import type { HostState } from "../../../shared/host/hostState.ts";

/**
 * The drop room's host as last synchronised (written by the drop room's driver on each patch, read
 * each frame by DropHost): a plain object, so a patch never re-renders React.
 */
export const dropHostFrame = {
  present: false,
  name: "",
  x: 0,
  z: 0,
  heading: 0,
  anim: 0,
  lookAtX: 0,
  lookAtZ: 0,
  lineId: 0,
  line: {} as Partial<Record<Locale, string>>,
  lineUntil: 0,
};

const listeners = new Set<() => void>();

/**
 * Calls `fn` when what the stage shows of the host changes (a line, an animation, its arrival or
 * departure): an on-demand canvas redraws then. Returns the unsubscribe.
 */
export function onDropHostChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Copies the room state's `host` (if any) into dropHostFrame. */
export function readDropHost(host: HostState | undefined): void {
  const f = dropHostFrame;
  if (!host) {
    clearDropHost();
    return;
  }
  const before = `${f.present}|${f.lineId}|${f.anim}|${f.x}|${f.z}|${f.heading}`;
  f.present = host.name !== "";
  f.name = host.name;
  f.x = host.x;
  f.z = host.z;
  f.heading = host.heading;
  f.anim = host.anim;
  f.lookAtX = host.lookAtX;
  f.lookAtZ = host.lookAtZ;
  if (host.lineId !== f.lineId) {
    const line: Partial<Record<Locale, string>> = {};
    host.line.forEach((text, locale) => {
      line[locale as Locale] = text;
    });
    f.line = line;
    f.lineId = host.lineId;
  }
  f.lineUntil = host.lineUntil;
  if (before !== `${f.present}|${f.lineId}|${f.anim}|${f.x}|${f.z}|${f.heading}`)
    for (const fn of listeners) fn();
}

/** The page left the room: the host leaves the stage. */
export function clearDropHost(): void {
  if (!dropHostFrame.present) return;
  dropHostFrame.present = false;
  for (const fn of listeners) fn();
}
