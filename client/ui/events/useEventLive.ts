/**
 * The live side of an event page: joins a shard of the event's audience and keeps what it says
 * (the stage mirror with the server's clock offset, the shard's chat, the stage channel, refusals),
 * and sends the person's lines and, for staff, the console's stage actions. Netcode is
 * client/net/eventAudience.ts; messages are parsed by the shared protocol table (listenTo).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { AudienceProtocol, type AudienceRefusal } from "../../../shared/events/audienceRoom.ts";
import type { StageAction, StageState } from "../../../shared/events/stage.ts";
import { sendMessage } from "../../../shared/protocol/roomProtocol.ts";
import { type AudienceRoom, joinEventAudience } from "../../net/eventAudience.ts";
import { listenTo } from "../../net/roomMessages.ts";

type Server = typeof AudienceProtocol.server;
export type ChatLineView = z.infer<Server["chatLine"]>;
export type StageChatView = z.infer<Server["stageChatLine"]>;
export type Notice = { kind: "chat" | "stage"; reason: string; message: string };

const KEPT_LINES = 60;

export type EventLive = {
  status: "joining" | "in" | "refused" | "offline";
  refusal: AudienceRefusal | null;
  welcome: z.infer<Server["welcome"]> | null;
  stage: StageState | null;
  /** Server time minus local time (ms), from the last stage message. */
  offsetMs: number;
  chat: ChatLineView[];
  stageChat: StageChatView[];
  notice: Notice | null;
  say(text: string): void;
  sayOnStage(text: string): void;
  act(action: StageAction): void;
};

export function useEventLive(eventId: string, enabled: boolean): EventLive {
  const roomRef = useRef<AudienceRoom | null>(null);
  const [status, setStatus] = useState<EventLive["status"]>("joining");
  const [refusal, setRefusal] = useState<AudienceRefusal | null>(null);
  const [welcome, setWelcome] = useState<EventLive["welcome"]>(null);
  const [stage, setStage] = useState<StageState | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [chat, setChat] = useState<ChatLineView[]>([]);
  const [stageChat, setStageChat] = useState<StageChatView[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let left = false;
    let off = () => {};
    joinEventAudience(eventId)
      .then((joined) => {
        if (left) {
          void joined.room?.leave();
          return;
        }
        if (!joined.room) {
          setRefusal(joined.refusal);
          setStatus("refused");
          return;
        }
        const room = joined.room;
        roomRef.current = room;
        setStatus("in");
        off = listenTo(room, AudienceProtocol.server, {
          welcome: setWelcome,
          stage: (m) => {
            setStage(m.stage);
            setOffset(m.serverTime - Date.now());
          },
          chatLine: (m) => setChat((lines) => [...lines, m].slice(-KEPT_LINES)),
          stageChatLine: (m) => setStageChat((lines) => [...lines, m].slice(-KEPT_LINES)),
          chatRefused: (m) => setNotice({ kind: "chat", reason: m.reason, message: m.message }),
          stageRefused: (m) => setNotice({ kind: "stage", reason: m.reason, message: m.message }),
          refused: (m) => {
            setRefusal(m);
            setStatus("refused");
          },
        });
        room.onLeave(() => {
          if (!left) setStatus((s) => (s === "refused" ? s : "offline"));
        });
      })
      .catch(() => setStatus("offline"));
    return () => {
      left = true;
      off();
      void roomRef.current?.leave();
      roomRef.current = null;
    };
  }, [eventId, enabled]);

  const say = useCallback((text: string) => {
    if (roomRef.current) sendMessage(roomRef.current, AudienceProtocol.client, "chat", { text });
  }, []);
  const sayOnStage = useCallback((text: string) => {
    if (roomRef.current) sendMessage(roomRef.current, AudienceProtocol.client, "stageChat", { text });
  }, []);
  const act = useCallback((action: StageAction) => {
    if (roomRef.current) sendMessage(roomRef.current, AudienceProtocol.client, "stageAction", action);
  }, []);

  return { status, refusal, welcome, stage, offsetMs, chat, stageChat, notice, say, sayOnStage, act };
}
