import { type RefObject, Suspense } from "react";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { AvatarChatBubbles } from "./AvatarChatBubbles.tsx";
import { HostBubble } from "./HostBubble.tsx";
import { HostCharacter } from "./HostCharacter.tsx";

/** The host in the avenue scene (model, halo, name tag, speech bubble) and avatars' chat bubbles. */
export function HostScene({
  layout,
  layer,
}: {
  layout: AvenueLayout;
  layer: RefObject<HTMLDivElement | null>;
}) {
  return (
    <>
      {/* The environment map may still be loading (it suspends); the avenue draws meanwhile. */}
      <Suspense fallback={null}>
        <HostCharacter layout={layout} />
      </Suspense>
      <HostBubble layer={layer} />
      <AvatarChatBubbles layer={layer} />
    </>
  );
}
