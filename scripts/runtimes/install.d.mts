export type RuntimeName = 'deno' | 'bun' | 'workerd' | 'wrangler';

export const CACHE: string;

export const RUNTIMES: Record<RuntimeName, { version: string; node?: boolean; candidates(dir: string): string[] }>;

export type EnsuredRuntime =
  | { name: RuntimeName; version: string; command: string; args: string[]; missing?: undefined }
  | { name: RuntimeName; version: string; missing: string };

export function ensureRuntime(name: RuntimeName, options?: { install?: boolean }): EnsuredRuntime;

export function howToInstall(name: RuntimeName): string;
