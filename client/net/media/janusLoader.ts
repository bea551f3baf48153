/**
 * Loads janus.js and webrtc-adapter on demand (they are bundled by vite from node_modules into a
 * chunk of their own: nothing loads from another host) and initialises Janus once per page.
 */
import type { JanusJS } from "janus-gateway";

export type JanusClass = typeof JanusJS.Janus;

let loading: Promise<JanusClass> | null = null;

/** janus.js, initialised with the bundled adapter. */
export function loadJanus(): Promise<JanusClass> {
  loading ??= (async (): Promise<JanusClass> => {
    const [janusModule, { default: adapter }] = await Promise.all([
      import("janus-gateway"),
      import("webrtc-adapter"),
    ]);
    // janus.es.js is an ES module, but its typings are read as CommonJS (the package has no
    // "type": "module"), so TypeScript sees one `default` more than the bundle has.
    const exported = janusModule.default as unknown as JanusClass | { default: JanusClass };
    const Janus = "default" in exported ? exported.default : exported;
    await new Promise<void>((resolve) =>
      Janus.init({
        debug: false,
        dependencies: Janus.useDefaultDependencies({ adapter }),
        callback: resolve,
      }),
    );
    return Janus;
  })();
  return loading as Promise<JanusClass>;
}

/** A Janus session opened with a grant's server, token and ICE servers. */
export async function openJanusSession(grant: {
  server: string;
  token: string | null;
  iceServers: RTCIceServer[];
}): Promise<JanusJS.Janus> {
  const Janus = await loadJanus();
  return new Promise((resolve, reject) => {
    const session: JanusJS.Janus = new Janus({
      server: grant.server,
      iceServers: grant.iceServers,
      ...(grant.token ? { token: grant.token } : {}),
      destroyOnUnload: true,
      success: () => resolve(session),
      error: (error: unknown) => reject(new Error(`Janus session failed: ${String(error)}`)),
    });
  });
}

/** Attaches a plugin handle; callbacks are the plugin's (onmessage, onremotetrack, ...). */
export function attachPlugin(
  session: JanusJS.Janus,
  callbacks: Omit<JanusJS.PluginOptions, "plugin" | "success" | "error">,
): Promise<JanusJS.PluginHandle> {
  return new Promise((resolve, reject) =>
    session.attach({
      plugin: "janus.plugin.videoroom",
      ...callbacks,
      success: resolve,
      error: (error) => reject(new Error(`Attaching the VideoRoom failed: ${error}`)),
    }),
  );
}

/** A synchronous plugin request (e.g. listparticipants) through janus.js. */
export function pluginRequest(
  handle: JanusJS.PluginHandle,
  message: { request: string; [key: string]: unknown },
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) =>
    handle.send({
      message,
      success: (data?: Record<string, unknown>) => resolve(data ?? {}),
      error: (error) => reject(new Error(error)),
    }),
  );
}
