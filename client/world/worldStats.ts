/** Counters of what the scene shows, read by the test hook. Mutated by mount/unmount effects. */
export const worldStats = {
  boutiques: 0,
  productsShown: 0,
  /** Times a Batched rebuilt its batches: settles once models have loaded (a rising count means churn). */
  batchBuilds: 0,
};
