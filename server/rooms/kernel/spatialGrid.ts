/**
 * A uniform grid over the ground for interest management: each refresh buckets every avatar by
 * cell once, then a query visits only the cells a circle touches instead of every avatar, so a
 * refresh costs about n × (neighbours) rather than n². Rebuilt from scratch each refresh (cheap, and
 * nothing to keep in step with joins, leaves or walks).
 */
export type GridPoint = { x: number; z: number };

export class SpatialGrid<T extends GridPoint> {
  private readonly cellSize: number;
  private readonly cells = new Map<number, T[]>();

  constructor(cellSize: number) {
    if (!(cellSize > 0)) throw new Error(`SpatialGrid: cellSize must be > 0 (got ${cellSize})`);
    this.cellSize = cellSize;
  }

  private cellOf(v: number): number {
    return Math.floor(v / this.cellSize);
  }

  /** One key per cell: cell coordinates stay far below 2^15 on any floor this grid serves. */
  private key(cx: number, cz: number): number {
    return (cx + 32768) * 65536 + (cz + 32768);
  }

  clear(): void {
    this.cells.clear();
  }

  insert(item: T): void {
    const k = this.key(this.cellOf(item.x), this.cellOf(item.z));
    const cell = this.cells.get(k);
    if (cell) cell.push(item);
    else this.cells.set(k, [item]);
  }

  /** Calls `visit` with every item within `radius` of `at` (its squared distance too). */
  near(at: GridPoint, radius: number, visit: (item: T, d2: number) => void): void {
    const r2 = radius * radius;
    const x0 = this.cellOf(at.x - radius);
    const x1 = this.cellOf(at.x + radius);
    const z0 = this.cellOf(at.z - radius);
    const z1 = this.cellOf(at.z + radius);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cz = z0; cz <= z1; cz++) {
        const cell = this.cells.get(this.key(cx, cz));
        if (!cell) continue;
        for (const item of cell) {
          const d2 = (item.x - at.x) ** 2 + (item.z - at.z) ** 2;
          if (d2 <= r2) visit(item, d2);
        }
      }
    }
  }
}
