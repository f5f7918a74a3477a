// Types for ensure-electron.mjs, so the Playwright config and Vitest tests
// import it from TypeScript.

export function electronPackageDir(cwd?: string): string
export function installedElectron(
  dir: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): string | undefined
export function missingMessage(version: string, why: string): string
export function ensureElectron(options?: {
  dir?: string
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
}): { path: string } | { missing: string }
