import type { FacadeStyle } from "../../../../shared/catalog.ts";
import type { FacadeSpec } from "../boutiqueFrame.ts";

/** Openings and sign placement of each facade style (the ornament lives in each style's component). */
export const FACADE_SPECS: Record<FacadeStyle, FacadeSpec> = {
  classic: { windowTop: 3.9, doorTop: 3.4, arched: false, sign: { y: 5.15, width: 7.2, z: 0.14 } },
  modern: { windowTop: 4.0, doorTop: 4.0, arched: false, sign: { y: 5.55, width: 8.0, z: 0.04 } },
  glass: { windowTop: 4.1, doorTop: 4.1, arched: false, sign: { y: 5.2, width: 7.6, z: 0.06 } },
  arcade: { windowTop: 5.6, doorTop: 4.3, arched: true, sign: { y: 7.3, width: 7.2, z: 0.1 } },
};
