/**
 * One glTF-Transform I/O per thread, with every extension and the Draco and meshopt codecs, so that
 * compressed uploads load and optimized files can be written with meshopt.
 */
import { Logger, NodeIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import draco3d from "draco3dgltf";
import { MeshoptDecoder, MeshoptEncoder, MeshoptSimplifier } from "meshoptimizer";

let io: Promise<NodeIO> | undefined;

/**
 * The shared NodeIO (network access stays off: uploads never reach outside). Loading the codecs
 * takes a few hundred milliseconds, so it is done once per thread.
 */
export function gltfIO(): Promise<NodeIO> {
  io ??= (async () => {
    await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready, MeshoptSimplifier.ready]);
    // Transforms log every step at info level; only errors are worth a line in the server's log.
    return new NodeIO()
      .setLogger(new Logger(Logger.Verbosity.ERROR))
      .registerExtensions(ALL_EXTENSIONS)
      .registerDependencies({
        "draco3d.decoder": await draco3d.createDecoderModule(),
        // Only needed to write a Draco-compressed .gltf upload back as its original GLB.
        "draco3d.encoder": await draco3d.createEncoderModule(),
        "meshopt.decoder": MeshoptDecoder,
        "meshopt.encoder": MeshoptEncoder,
      });
  })();
  return io;
}

export { MeshoptEncoder, MeshoptSimplifier };
