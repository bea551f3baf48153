import { useEffect } from "react";
import { useHostStore } from "../../stores/hostStore.ts";
import { DropAnnouncement } from "./DropAnnouncement.tsx";
import { HostDock } from "./HostDock.tsx";
import { HostHandoffCard } from "./HostHandoffCard.tsx";
import { HostHoverCard } from "./HostHoverCard.tsx";
import { HostPresentation } from "./HostPresentation.tsx";
import { HostVoice } from "./HostVoice.tsx";
import "./host.css";

/** Everything of the host outside the canvas: hover card, voice, tour dock, presented piece, drop. */
export function HostOverlay() {
  const present = useHostStore((s) => s.status !== null);
  useEffect(() => {
    void useHostStore.getState().loadInfo();
  }, []);
  if (!present) return null;
  return (
    <>
      <HostHoverCard />
      <HostVoice />
      <HostDock />
      <HostPresentation />
      <DropAnnouncement />
      <HostHandoffCard />
    </>
  );
}
