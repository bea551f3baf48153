/** Counters of what the scene shows, read by the test hook. Mutated by mount/unmount effects. */
export const worldStats = {
  boutiques: 0,
  productsShown: 0,
};
