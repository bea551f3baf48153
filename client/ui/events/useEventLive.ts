/**
 * The live side of an event page: joins a shard of the event's audience as a walkable room
 * (client/net/walkable: the person's avatar walks the floor before the stage, the shard's others
 * are interpolated) and keeps what it says (the stage mirror with the server's clock offset, the
 * shard's chat, the stage channel, refusals, who is in the shard), and sends the person's lines
 * and, for staff, the console's stage actions. Messages are parsed by the shared protocol table
 * and applied at the frame (runWalkableRoom); netcode is client/net/eventAudience.ts.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import {
  AUDIENCE_FLOOR,
  AudienceProtocol,
  type AudienceRefusal,
  AudienceRefusals,
} from "../../../shared/events/audienceRoom.ts";
import type { StageAction, StageState } from "../../../shared/events/stage.ts";
import { sendMessage } from "../../../shared/protocol/roomProtocol.ts";
import { type AudienceRoom, joinEventAudienceRoom } from "../../net/eventAudience.ts";
import { runWalkableRoom } from "../../net/walkable/runWalkableRoom.ts";

type Server = typeof AudienceProtocol.server;
type State = AudienceRoom["state"];
export type ChatLineView = z.infer<Server["chatLine"]>;
export type StageChatView = z.infer<Server["stageChatLine"]>;
export type Notice = { kind: "chat" | "stage"; reason: string; message: string };
/** Who is in this shard: everyone counted, the signed-in named (guests stay anonymous). */
export type Roster = { count: number; names: string[] };

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
  roster: Roster;
  say(text: string): void;
  sayOnStage(text: string): void;
  act(action: StageAction): void;
};

function rosterOf(state: State): Roster {
  const names: string[] = [];
  let count = 0;
  state.avatars.forEach((a) => {
    count += 1;
    if (a.kind !== "guest") names.push(a.name);
  });
  return { count, names: names.sort((x, y) => x.localeCompare(y)) };
}

const sameRoster = (a: Roster, b: Roster) => a.count === b.count && a.names.join("\n") === b.names.join("\n");

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
  const [roster, setRoster] = useState<Roster>({ count: 0, names: [] });

  useEffect(() => {
    if (!enabled) return;
    let refused = false;
    const refuse = (r: AudienceRefusal) => {
      refused = true;
      setRefusal(r);
      setStatus("refused");
    };
    const stop = runWalkableRoom<AudienceRoom, Server, State>({
      join: () => joinEventAudienceRoom(eventId),
      attach: (room) => {
        roomRef.current = room;
        setStatus("in");
        let shown: Roster = { count: 0, names: [] };
        return {
          server: AudienceProtocol.server,
          layout: () => AUDIENCE_FLOOR,
          messages: {
            welcome: setWelcome,
            stage: (m) => {
              setStage(m.stage);
              setOffset(m.serverTime - Date.now());
            },
            chatLine: (m) => setChat((lines) => [...lines, m].slice(-KEPT_LINES)),
            stageChatLine: (m) => setStageChat((lines) => [...lines, m].slice(-KEPT_LINES)),
            chatRefused: (m) => setNotice({ kind: "chat", reason: m.reason, message: m.message }),
            stageRefused: (m) => setNotice({ kind: "stage", reason: m.reason, message: m.message }),
            refused: refuse,
            // A refused intent (a click beyond the floor) needs no word: the avatar simply stays.
            error: () => undefined,
          },
          onState: (state) => {
            const next = rosterOf(state);
            if (!sameRoster(next, shown)) {
              shown = next;
              setRoster(next);
            }
          },
        };
      },
      onDrop: () => undefined,
      onReconnect: () => setStatus("in"),
      onLeave: () => {
        if (!refused) setStatus("offline");
      },
      onJoinFailed: (error) => {
        const r = AudienceRefusals.fromJoinError(error);
        if (r) refuse(r);
        else setStatus("offline");
      },
    });
    return () => {
      stop();
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

  return { status, refusal, welcome, stage, offsetMs, chat, stageChat, notice, roster, say, sayOnStage, act };
}
