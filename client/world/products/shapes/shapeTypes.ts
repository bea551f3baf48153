/** The three colours a procedural product model carries in the catalog. */
export type ShapeColors = { primary: string; secondary: string; accent: string };
