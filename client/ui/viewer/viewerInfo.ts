/** What the viewer's stage reports to its dialog (and, through data attributes, to e2e tests). */
export type ViewerInfo = {
  status: "loading" | "ready" | "failed";
  /** KHR_materials_variants names of the model, in file order. */
  variants: string[];
  /** Triangles of the model shown (0 until known). */
  triangles: number;
  /** Bytes of the model file received so far, and expected (0 when built on the client). */
  receivedBytes: number;
  expectedBytes: number;
};

export const LOADING_INFO: ViewerInfo = {
  status: "loading",
  variants: [],
  triangles: 0,
  receivedBytes: 0,
  expectedBytes: 0,
};
