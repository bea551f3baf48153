import { HostAnim } from "../../../shared/host/hostState.ts";

/**
 * Which clip of RobotExpressive plays for each host animation. The model has no pointing clip:
 * "point" is its thumbs-up gesture with the body turned to the target, "present" its approving nod.
 */
export const HOST_CLIPS: Record<HostAnim, string> = {
  [HostAnim.idle]: "Idle",
  [HostAnim.walk]: "Walking",
  [HostAnim.wave]: "Wave",
  [HostAnim.point]: "ThumbsUp",
  [HostAnim.present]: "Yes",
};

/** Seconds a change of animation takes to blend. */
export const HOST_CROSSFADE_SECONDS = 0.35;

/** The clip name for a synchronised anim value (unknown values idle). */
export function clipFor(anim: number): string {
  return HOST_CLIPS[anim as HostAnim] ?? HOST_CLIPS[HostAnim.idle];
}

/** Whether the host turns to face where it points while playing this anim. */
export function facesTarget(anim: number): boolean {
  return anim === HostAnim.point || anim === HostAnim.present;
}
