/**
 * Cascading a stage to a relay Janus, so one presenter reaches more viewers than one Janus can serve
 * (docs/VIDEO-FANOUT.md). Janus 1.1's VideoRoom "remote publishers" are RTP forwarders with presence:
 *
 *   1. read the presenter's streams on the origin (mids, codecs), joining as a hidden observer;
 *   2. on the relay, open the same stage room and `add_remote_publisher` with those streams: the
 *      relay binds one UDP port for them and lists the presenter to its own participants;
 *   3. on the origin, `publish_remotely` to that port: Janus forwards every RTP packet of the feed
 *      there (and takes RTCP feedback back for keyframe requests).
 *
 * Viewers of the relay then subscribe exactly as on the origin (same room id, a grant from the
 * relay's StageMedia). Forwarding needs the admin key and the room secrets of both sides.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { MediaErrorCode } from "../../shared/media.ts";
import { MediaError } from "./mediaError.ts";
import type { StageMedia } from "./stageMedia.ts";
import { publishToken, roomSecret, stageRoomId } from "./stageSecrets.ts";
import { observePublishers, videoroomOf, withVideoroom } from "./videoroom.ts";

const RemotePublisherAdded = z.object({
  id: z.string(),
  port: z.number().int().min(1).max(65_535),
  rtcp_port: z.number().int().min(1).max(65_535).optional(),
});

/** A running cascade of one presenter's feed from the origin to a relay. */
export type RelayLink = {
  room: string;
  /** The presenter's feed id, the same on the origin and the relay. */
  feedId: string;
  /** Names this forwarding on the origin. */
  remoteId: string;
  /** UDP port on the relay receiving the feed. */
  relayPort: number;
  /** Stops forwarding on the origin and removes the presenter from the relay's room. */
  stop(): Promise<void>;
};

export type ForwardOptions = {
  /** Address the origin sends RTP to, on which the relay listens (its media interface). */
  relayHost: string;
  /** Which presenter to cascade; by default the first one publishing. */
  feedId?: string;
};

/**
 * Cascades the stage's presenter from `origin` to `relay`. The presenter must be publishing; call it
 * again after they republish (their streams may change). Throws a MediaError saying what failed.
 */
export async function forwardToRelay(
  origin: StageMedia,
  relay: StageMedia,
  stageId: string,
  options: ForwardOptions,
): Promise<RelayLink> {
  const room = stageRoomId(stageId);
  const source = videoroomOf(origin.settings);
  const target = videoroomOf(relay.settings);
  const observer = publishToken(source.apiSecret, room, `observer-${randomUUID()}`);
  const publishers = await observePublishers(source, room, observer);
  const publisher = publishers.find((p) => (options.feedId ? p.id === options.feedId : p.streams.length > 0));
  if (!publisher || publisher.streams.length === 0) {
    throw new MediaError(MediaErrorCode.invalidRequest, "Nobody is publishing on this stage yet.", {
      stageId,
      feedId: options.feedId ?? null,
    });
  }
  await relay.openStage(stageId);
  const added = await withVideoroom(target, (h) =>
    h.request({
      request: "add_remote_publisher",
      room,
      secret: roomSecret(target.apiSecret, room),
      admin_key: target.apiSecret,
      id: publisher.id,
      display: publisher.display ?? publisher.id,
      iface: options.relayHost,
      streams: publisher.streams.map((s) => ({ ...s })),
    }),
  );
  const endpoint = RemotePublisherAdded.safeParse(added);
  if (!endpoint.success)
    throw new MediaError(MediaErrorCode.invalidAnswer, "The relay answered oddly.", { added });
  const remoteId = `relay-${randomUUID()}`;
  const removeFromRelay = () =>
    withVideoroom(target, (h) =>
      h.request({
        request: "remove_remote_publisher",
        room,
        id: publisher.id,
        secret: roomSecret(target.apiSecret, room),
      }),
    );
  try {
    await withVideoroom(source, (h) =>
      h.request({
        request: "publish_remotely",
        room,
        publisher_id: publisher.id,
        remote_id: remoteId,
        secret: roomSecret(source.apiSecret, room),
        admin_key: source.apiSecret,
        host: options.relayHost,
        port: endpoint.data.port,
        ...(endpoint.data.rtcp_port ? { rtcp_port: endpoint.data.rtcp_port } : {}),
      }),
    );
  } catch (error) {
    await removeFromRelay().catch(() => {});
    throw error;
  }
  return {
    room,
    feedId: publisher.id,
    remoteId,
    relayPort: endpoint.data.port,
    async stop() {
      await withVideoroom(source, (h) =>
        h.request({
          request: "unpublish_remotely",
          room,
          publisher_id: publisher.id,
          remote_id: remoteId,
          secret: roomSecret(source.apiSecret, room),
          admin_key: source.apiSecret,
        }),
      ).catch(() => {
        // The presenter may have left already, which ends the forwarding too.
      });
      await removeFromRelay();
    },
  };
}
