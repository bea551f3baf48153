import { MediaErrorCode } from "../../shared/media.ts";

/** HTTP status that fits each media failure (the HTTP layer maps with it). */
export const MEDIA_ERROR_STATUS: Record<MediaErrorCode, number> = {
  [MediaErrorCode.notConfigured]: 503,
  [MediaErrorCode.unreachable]: 503,
  [MediaErrorCode.refused]: 502,
  [MediaErrorCode.invalidAnswer]: 502,
  [MediaErrorCode.invalidRequest]: 400,
};

/**
 * A failure talking to Janus: a code from MediaErrorCode, a message a person can act on, and
 * details (`janusCode` and `janusReason` when Janus itself refused). It says nothing about HTTP.
 */
export class MediaError extends Error {
  readonly code: MediaErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: MediaErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "MediaError";
    this.code = code;
    this.details = details;
  }

  /** Status for an HTTP answer carrying this error. */
  get status(): number {
    return MEDIA_ERROR_STATUS[this.code];
  }
}
