import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { HostAnim, HostState } from "../../../shared/host/hostState.ts";
import { NEAR_INTERPOLATION_DELAY_MS } from "../../../shared/walking/rates.ts";
import { useChatStore } from "../../stores/chatStore.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { hostFrame } from "./hostFrame.ts";
import { HostSync } from "./hostSync.ts";

function hostWith(lineId: number, en: string, until: number): InstanceType<typeof HostState> {
  const host = new HostState();
  host.name = "Céleste";
  host.x = 2;
  host.z = 10;
  host.heading = 0.5;
  host.anim = HostAnim.point;
  host.mode = "present";
  host.presentingProductId = "aubrelle-solitaire-etoile";
  host.lineId = lineId;
  if (en) {
    host.line.set("en", en);
    host.line.set("fr", `${en} (fr)`);
  }
  host.lineUntil = until;
  return host;
}

beforeEach(() => {
  useChatStore.setState({ entries: [] });
  useHostStore.setState({ status: null, line: null });
  hostFrame.present = false;
});

test("a new line reaches the bubble and the log once; missing locales fall back to English", () => {
  const sync = new HostSync();
  const now = Date.now();
  const host = hostWith(1, "Look at this ring.", now + 5000);
  sync.onPatch({ host }, 1000);
  sync.onPatch({ host }, 1050);
  const line = useHostStore.getState().line;
  assert.equal(line?.id, 1);
  assert.equal(line?.text.fr, "Look at this ring. (fr)");
  assert.equal(line?.text.de, "Look at this ring.");
  const entries = useChatStore.getState().entries;
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.from.kind, "host");
  const status = useHostStore.getState().status;
  assert.equal(status?.presentingProductId, "aubrelle-solitaire-etoile");
  assert.equal(status?.mode, "present");
});

test("a line that had already ended when we joined is not logged; the next one is", () => {
  const sync = new HostSync();
  const host = hostWith(7, "Said long ago.", Date.now() - 1000);
  sync.onPatch({ host }, 0);
  assert.equal(useChatStore.getState().entries.length, 0);
  host.lineId = 8;
  host.line.set("en", "Welcome!");
  host.lineUntil = Date.now() + 4000;
  sync.onPatch({ host }, 50);
  assert.deepEqual(
    useChatStore.getState().entries.map((e) => e.text),
    ["Welcome!"],
  );
});

test("the pose is interpolated between snapshots, behind the newest one", () => {
  const sync = new HostSync();
  const host = hostWith(1, "", 0);
  sync.onPatch({ host }, 1000);
  host.x = 4;
  sync.onPatch({ host }, 1100);
  // Rendered NEAR_INTERPOLATION_DELAY_MS in the past, landing at 1050: halfway.
  sync.frame(1050 + NEAR_INTERPOLATION_DELAY_MS);
  assert.equal(hostFrame.present, true);
  assert.ok(Math.abs(hostFrame.x - 3) < 1e-6, `x ${hostFrame.x}`);
  assert.equal(hostFrame.anim, HostAnim.point);
  sync.dispose();
  assert.equal(hostFrame.present, false);
  assert.equal(useHostStore.getState().status, null);
});

test("a state without a host leaves the host absent", () => {
  const sync = new HostSync();
  sync.onPatch({}, 0);
  sync.frame(200);
  assert.equal(hostFrame.present, false);
  assert.equal(useHostStore.getState().status, null);
});
