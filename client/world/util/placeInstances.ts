/** Where one static prop stands (lamps, planters, pedestals): PropInstances draws one mesh per transform. */
export type InstanceTransform = { x: number; y: number; z: number; rotationY?: number; scale?: number };
