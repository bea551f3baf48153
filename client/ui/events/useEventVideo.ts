/**
 * The show's live video for its audience: asks the server for a watch grant (POST
 * /api/events/:id/media), watches the stage's Janus room with it (useStageVideo) and reads the
 * receive stats every second while a stream plays, so the page can say "connecting" until frames
 * are decoded. A server without Janus answers `media_not_configured`: the show has no video, and
 * the stage goes on as before.
 */
import { useEffect, useState } from "react";
import { events } from "../../../shared/api/index.ts";
import type { StageWatchGrant } from "../../../shared/media.ts";
import { ApiError, callApi, declaredDetails } from "../../net/api.ts";
import { type ReceiveStats, readReceiveStats } from "../../net/media/mediaStats.ts";
import { useStageVideo } from "../../net/media/useStageVideo.ts";
import { stageScreen } from "../../world/event/eventStageHook.ts";

export type EventVideo = {
  /** `off`: this server has no live video; `error`: the grant or Janus failed (the stage goes on). */
  availability: "checking" | "available" | "off" | "error";
  stream: MediaStream | null;
  /** Video frames decoded so far (0 until the picture really arrives). */
  framesDecoded: number;
};

/** Whether an error is the server saying "no video here" rather than a failure. */
export function isVideoOff(error: unknown): boolean {
  return declaredDetails(events.eventMedia, "not_found", error)?.reason === "media_not_configured";
}

export function useEventVideo(eventId: string, enabled: boolean): EventVideo {
  const [grant, setGrant] = useState<StageWatchGrant | null>(null);
  const [availability, setAvailability] = useState<EventVideo["availability"]>("checking");
  const [framesDecoded, setFrames] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    callApi(events.eventMedia, { params: { eventId }, body: { role: "watch" } }).then(
      (answer) => {
        if (cancelled || answer.type !== "watch") return;
        setGrant(answer);
        setAvailability("available");
      },
      (error: unknown) => {
        if (cancelled) return;
        setAvailability(isVideoOff(error) ? "off" : "error");
        if (!isVideoOff(error) && !(error instanceof ApiError)) console.warn("stage video:", error);
      },
    );
    return () => {
      cancelled = true;
      setGrant(null);
    };
  }, [eventId, enabled]);
  const video = useStageVideo(grant);
  const { stream, peerConnection } = video;
  useEffect(() => {
    if (!stream) {
      setFrames(0);
      stageScreen.stats = null;
      return;
    }
    let stopped = false;
    const read = async () => {
      const stats: ReceiveStats = await readReceiveStats(peerConnection());
      if (stopped) return;
      stageScreen.stats = stats;
      setFrames(stats.videoFramesDecoded);
    };
    void read();
    const timer = setInterval(() => void read(), 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
      stageScreen.stats = null;
    };
  }, [stream, peerConnection]);
  return { availability: video.state === "error" ? "error" : availability, stream, framesDecoded };
}
