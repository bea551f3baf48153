/**
 * Drives the host on a drop room's stage: feeds the drop's synced state to the pure step of
 * shared/host/dropHost.ts on the room's clock and copies the answer into `state.host` (only what
 * changed). The room calls `tick(now)`; this module holds no timers.
 */
import type { DropRoomState } from "../../../shared/dropRoom.ts";
import {
  createDropHostMemory,
  DROP_HOST_STAGE,
  type DropHostDrop,
  type DropHostMemory,
  stepDropHost,
} from "../../../shared/host/dropHost.ts";
import type { DbLike } from "../../db/database.ts";
import { dropProductName } from "../../drops/dropProductName.ts";
import type { HostServices } from "../../host/hostServices.ts";

type ProductName = DropHostDrop["productName"];

/** The host's name (the platform script's, the shipped one if the stored script cannot be read). */
async function hostName(host: HostServices): Promise<string> {
  try {
    return (await host.snapshot()).script.host.name;
  } catch {
    return host.fallbackScript.host.name;
  }
}

export class DropHostDriver {
  private memory: DropHostMemory = createDropHostMemory();
  private readonly state: DropRoomState;
  private readonly name: ProductName;

  private constructor(state: DropRoomState, name: ProductName) {
    this.state = state;
    this.name = name;
  }

  /** Places the host beside the pedestal and says its first line at `now`. */
  static async start(
    state: DropRoomState,
    deps: { database: DbLike; host: HostServices },
    now: number,
  ): Promise<DropHostDriver> {
    const [name, product] = await Promise.all([
      hostName(deps.host),
      dropProductName(deps.database, state.productId, {
        ...Object.fromEntries(state.title.entries()),
        en: state.title.get("en") ?? state.dropId,
      }),
    ]);
    state.host.assign({ name, ...DROP_HOST_STAGE });
    const driver = new DropHostDriver(state, product);
    driver.tick(now);
    return driver;
  }

  tick(now: number): void {
    const s = this.state;
    const drop: DropHostDrop = {
      mode: s.mode,
      earlyAccessStartsAt: s.earlyAccessStartsAt,
      publicStartsAt: s.publicStartsAt,
      endsAt: s.endsAt,
      entriesCloseAt: s.entriesCloseAt,
      stock: s.stock,
      remaining: s.remaining,
      soldOutAt: s.soldOutAt,
      drawnAt: s.drawnAt,
      productName: this.name,
    };
    const prev = this.memory;
    const next = stepDropHost(prev, drop, now);
    this.memory = next;
    const h = s.host;
    if (h.anim !== next.anim) h.anim = next.anim;
    if (h.mode !== next.mode) h.mode = next.mode;
    if (h.lineId !== next.lineId) {
      h.lineId = next.lineId;
      h.line.clear();
      if (next.line) for (const [locale, text] of Object.entries(next.line)) h.line.set(locale, text);
      h.lineUntil = next.lineUntil;
    }
    const presenting = next.mode === "present" && now < next.lineUntil ? s.productId : "";
    if (h.presentingProductId !== presenting) h.presentingProductId = presenting;
    const announceAt = now < s.publicStartsAt ? s.publicStartsAt : 0;
    if (h.announceAt !== announceAt) h.announceAt = announceAt;
    const announceDropId = announceAt ? s.dropId : "";
    if (h.announceDropId !== announceDropId) h.announceDropId = announceDropId;
  }
}
