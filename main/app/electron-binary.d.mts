export declare function findElectronBinary(
  projectDir: string,
  env?: Record<string, string | undefined>,
): { path: string | null; exists: boolean; reason: string | null };
