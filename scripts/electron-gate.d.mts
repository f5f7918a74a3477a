// Types for electron-gate.mjs, so Vitest tests import it from TypeScript.

export interface Issue {
  id: string
  file: string
  sample?: string
  location: { line: number; column: number }
  description: string
  manualReview: boolean
}

export interface ScanResult {
  issues: Issue[]
  errors: { file: string; message: string; tolerable: boolean }[]
  globalChecks: number
  atomicChecks: number
}

export interface AllowlistEntry {
  id: string
  file: string
  sample: string
  reason: string
}

export interface Verdict {
  failures: Issue[]
  allowlisted: (Issue & { reason: string })[]
  informational: Issue[]
  stale: AllowlistEntry[]
}

export const ROOT: string
export const GATED_CHECKS: string[]
export const ALLOWLIST: AllowlistEntry[]
export function isGated(id: string): boolean
export function electronVersion(): Promise<string>
export function scan(input: string, version?: string): Promise<ScanResult>
export function stageSources(srcDir?: string): Promise<{ dir: string; files: number }>
export function locate(file: string): { variant: string; key: string }
export function evaluate(issues: Issue[], allowlist?: AllowlistEntry[]): Verdict
export function runGate(options?: { log?: (line: string) => void }): Promise<
  Verdict & {
    ok: boolean
    version: string
    files: number
    result: ScanResult
    parseErrors: ScanResult['errors']
  }
>
