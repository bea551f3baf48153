/** The part of Khronos' `gltf-validator` (compiled from Dart, no types shipped) the pipeline uses. */
declare module "gltf-validator" {
  /** 0 error, 1 warning, 2 information, 3 hint. */
  export type ValidatorSeverity = 0 | 1 | 2 | 3;
  export type ValidatorMessage = {
    code: string;
    message: string;
    severity: ValidatorSeverity;
    pointer?: string;
    offset?: number;
  };
  export type ValidatorResource = {
    pointer: string;
    mimeType?: string;
    storage?: "data-uri" | "buffer-view" | "glb" | "external";
    uri?: string;
    byteLength?: number;
    image?: { width: number; height: number; format?: string };
  };
  export type ValidatorReport = {
    issues: {
      numErrors: number;
      numWarnings: number;
      numInfos: number;
      numHints: number;
      messages: ValidatorMessage[];
      truncated: boolean;
    };
    info?: {
      totalTriangleCount?: number;
      drawCallCount?: number;
      materialCount?: number;
      extensionsUsed?: string[];
      resources?: ValidatorResource[];
    };
  };
  export type ValidationOptions = {
    uri?: string;
    format?: "glb" | "gltf";
    externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
    writeTimestamp?: boolean;
    maxIssues?: number;
    ignoredIssues?: string[];
    severityOverrides?: Record<string, ValidatorSeverity>;
  };
  export function validateBytes(data: Uint8Array, options?: ValidationOptions): Promise<ValidatorReport>;
  export function version(): string;
}
