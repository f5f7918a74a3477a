// The handlers as an untrusted caller reaches them: every argument list is
// checked against the contract table's schema (src/shared/ipc/methods.ts)
// before the typed handler runs, and an unknown method or bad arguments
// come back as invalid-argument values. ipc.ts (Electron) and the e2e
// harness both call the handlers through here. Must never pass unchecked
// arguments to a handler, throw, or import electron.
import { fail, type Result } from '@shared/api'
import {
  IPC_METHODS,
  type HandlerMethods,
  type MethodArgs,
  type MethodResult,
} from '@shared/ipc/methods'
import { INVOKE_METHODS, type InvokeMethod } from '@shared/ipc/names'

/** Calls `method` with `args` once they match its schema; else invalid-argument. */
export async function callChecked<M extends InvokeMethod>(
  handlers: HandlerMethods,
  method: M,
  args: readonly unknown[],
): Promise<Result<MethodResult<M>>> {
  const parsed = IPC_METHODS[method].args.safeParse(args)
  if (!parsed.success)
    return fail('invalid-argument', `${method}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  // The schema of M checked the arguments of M (TypeScript cannot follow M through the table).
  const handler = handlers[method] as (...a: MethodArgs<M>) => Promise<Result<MethodResult<M>>>
  return handler(...(parsed.data as MethodArgs<M>))
}

/** True for the names of the contract's methods. */
export const isInvokeMethod = (name: string): name is InvokeMethod =>
  (INVOKE_METHODS as readonly string[]).includes(name)

/** The handlers with every call checked, for callers whose arguments are not to be trusted. */
export type CheckedCalls = {
  [M in InvokeMethod]: (...args: unknown[]) => Promise<Result<MethodResult<M>>>
}

export function checkedCalls(handlers: HandlerMethods): CheckedCalls {
  const calls: Partial<Record<InvokeMethod, unknown>> = {}
  for (const method of INVOKE_METHODS)
    calls[method] = (...args: unknown[]) => callChecked(handlers, method, args)
  return calls as CheckedCalls
}
