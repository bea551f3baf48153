/**
 * What a receiving peer connection got, read from WebRTC stats (`inbound-rtp`): frames decoded,
 * audio packets and energy. Tests assert on these; a page can show "no video yet" with them.
 */
export type ReceiveStats = {
  videoFramesDecoded: number;
  videoBytesReceived: number;
  frameWidth: number;
  audioPacketsReceived: number;
  /** Sum of squared audio samples received (totalAudioEnergy); above 0 means sound, not silence. */
  audioEnergy: number;
};

/** Sums the inbound RTP stats of every receiver of `pc`. */
export async function readReceiveStats(pc: RTCPeerConnection | null | undefined): Promise<ReceiveStats> {
  const totals: ReceiveStats = {
    videoFramesDecoded: 0,
    videoBytesReceived: 0,
    frameWidth: 0,
    audioPacketsReceived: 0,
    audioEnergy: 0,
  };
  if (!pc) return totals;
  const report = await pc.getStats();
  report.forEach((entry: RTCStats & Record<string, unknown>) => {
    if (entry.type !== "inbound-rtp") return;
    const n = (key: string) => (typeof entry[key] === "number" ? (entry[key] as number) : 0);
    if (entry.kind === "video") {
      totals.videoFramesDecoded += n("framesDecoded");
      totals.videoBytesReceived += n("bytesReceived");
      totals.frameWidth = Math.max(totals.frameWidth, n("frameWidth"));
    } else if (entry.kind === "audio") {
      totals.audioPacketsReceived += n("packetsReceived");
      totals.audioEnergy += n("totalAudioEnergy");
    }
  });
  return totals;
}
