import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { type DropLive, useDropStore } from "./dropStore.ts";

const LIVE: DropLive = { phase: "public", remaining: 3, soldOutAt: 0, drawnAt: 0, viewers: 2 };

beforeEach(() => useDropStore.getState().reset("aubrelle-etoile-edition"));

/** How many times the store told its subscribers (each one re-renders the panel and the plaque). */
function notifications(act: () => void): number {
  let count = 0;
  const off = useDropStore.subscribe(() => count++);
  act();
  off();
  return count;
}

test("room patches with the same round trip keep the first clock offset", () => {
  const store = useDropStore.getState();
  // Each state patch offers serverTime - now with the same bound (one tick and one patch).
  store.offerOffset(1_000, 300);
  const later = notifications(() => {
    for (let i = 1; i <= 40; i++) useDropStore.getState().offerOffset(1_000 + i * 7, 300);
  });
  assert.equal(later, 0, "an equal bound neither changes the offset nor notifies");
  assert.equal(useDropStore.getState().offsetMs, 1_000);
});

test("a tighter round trip replaces the offset, a looser one does not", () => {
  const store = useDropStore.getState();
  store.offerOffset(1_000, 300);
  store.offerOffset(1_040, 12);
  assert.equal(useDropStore.getState().offsetMs, 1_040);
  store.offerOffset(900, 80);
  assert.equal(useDropStore.getState().offsetMs, 1_040);
  assert.equal(useDropStore.getState().offsetRttMs, 12);
});

test("a patch that changes no live value keeps the live object and notifies nobody", () => {
  useDropStore.getState().setLive({ ...LIVE });
  const first = useDropStore.getState().live;
  const count = notifications(() => {
    for (let i = 0; i < 40; i++) useDropStore.getState().setLive({ ...LIVE });
  });
  assert.equal(count, 0);
  assert.equal(useDropStore.getState().live, first);
});

test("a changed live value (a unit claimed, the room cleared) is applied", () => {
  useDropStore.getState().setLive({ ...LIVE });
  useDropStore.getState().setLive({ ...LIVE, remaining: 2 });
  assert.equal(useDropStore.getState().live?.remaining, 2);
  useDropStore.getState().setLive(null);
  assert.equal(useDropStore.getState().live, null);
});
