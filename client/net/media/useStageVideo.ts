/**
 * React: watch a stage with a grant (or nothing while there is none) and get its MediaStream, state
 * and the viewer's peer connection (for its receive stats); the viewer stops when the grant changes
 * or the component unmounts.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { StageWatchGrant } from "../../../shared/media.ts";
import { type StageViewer, type ViewerState, watchStage } from "./stageViewer.ts";

export function useStageVideo(grant: StageWatchGrant | null): {
  stream: MediaStream | null;
  state: ViewerState | "idle" | "error";
  peerConnection(): RTCPeerConnection | null;
} {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [state, setState] = useState<ViewerState | "idle" | "error">("idle");
  const viewer = useRef<StageViewer | null>(null);
  useEffect(() => {
    if (!grant) return;
    let cancelled = false;
    watchStage(grant, {
      onState: setState,
      // A new object so React sees the change (the tracks of one MediaStream change in place).
      onStream: (s) => setStream(s.getTracks().length > 0 ? new MediaStream(s.getTracks()) : null),
    }).then(
      (v) => {
        if (cancelled) v.stop();
        else viewer.current = v;
      },
      () => setState("error"),
    );
    return () => {
      cancelled = true;
      viewer.current?.stop();
      viewer.current = null;
      setStream(null);
    };
  }, [grant]);
  const peerConnection = useCallback(() => viewer.current?.peerConnection() ?? null, []);
  return { stream, state, peerConnection };
}
