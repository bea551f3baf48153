/**
 * The shapes Janus answers with (HTTP API of Janus 1.1), validated before anything is read from them.
 * Only the fields this code reads are declared; Janus adds others, which pass through untouched.
 */
import { z } from "zod";

/** GET /janus/info */
export const JanusInfo = z.object({
  janus: z.literal("server_info"),
  version_string: z.string(),
  "server-name": z.string().optional(),
  api_secret: z.boolean().optional(),
  auth_token: z.boolean().optional(),
  plugins: z.record(z.string(), z.unknown()),
});
export type JanusInfo = z.infer<typeof JanusInfo>;

/** A core-level refusal (bad secret or token, no such session, ...). */
export const JanusCoreError = z.object({
  janus: z.literal("error"),
  error: z.object({ code: z.number(), reason: z.string() }),
});

/** `create` and `attach` answer with the new id. */
export const JanusCreated = z.object({
  janus: z.literal("success"),
  data: z.object({ id: z.number().int() }),
});

/** A synchronous plugin answer. */
export const JanusPluginSuccess = z.object({
  janus: z.literal("success"),
  plugindata: z.object({ plugin: z.string(), data: z.record(z.string(), z.unknown()) }),
});

/** An asynchronous request is acknowledged first; its answer comes later as an event. */
export const JanusAck = z.object({ janus: z.literal("ack") });

/** An event from a long poll (GET /janus/<session>). */
export const JanusEvent = z.object({
  janus: z.string(),
  transaction: z.string().optional(),
  sender: z.number().optional(),
  plugindata: z.object({ plugin: z.string(), data: z.record(z.string(), z.unknown()) }).optional(),
  jsep: z.object({ type: z.string(), sdp: z.string() }).optional(),
});
export type JanusEvent = z.infer<typeof JanusEvent>;

/** A plugin's own refusal inside plugindata (`error_code` and `error`). */
export const PluginRefusal = z.object({ error_code: z.number(), error: z.string() });

/** One stream of a publisher as the VideoRoom lists it to participants. */
export const PublisherStream = z.object({
  type: z.enum(["audio", "video", "data"]),
  mindex: z.number().int().min(0),
  mid: z.string(),
  codec: z.string().optional(),
  disabled: z.boolean().optional(),
  description: z.string().optional(),
  stereo: z.boolean().optional(),
  fec: z.boolean().optional(),
  dtx: z.boolean().optional(),
  simulcast: z.boolean().optional(),
  svc: z.boolean().optional(),
});
export type PublisherStream = z.infer<typeof PublisherStream>;

/** A publisher as the VideoRoom lists it in `joined` and `event` messages. */
export const ListedPublisher = z.object({
  id: z.string(),
  display: z.string().optional(),
  streams: z.array(PublisherStream).default([]),
});
export type ListedPublisher = z.infer<typeof ListedPublisher>;

/** `listparticipants` */
export const Participants = z.object({
  videoroom: z.literal("participants"),
  participants: z.array(
    z.object({
      id: z.string(),
      display: z.string().optional(),
      publisher: z.boolean(),
      remote: z.boolean().optional(),
    }),
  ),
});
export type Participants = z.infer<typeof Participants>;

/** A plain success (e.g. `destroy`). */
export const JanusSuccess = z.object({ janus: z.literal("success") });
