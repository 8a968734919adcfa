/**
 * The edge both transports call through: the name is checked, the arguments are validated against the
 * contract's schema before any service sees them, and every failure comes back as data.
 */
import { checkArgs, type Handlers, isCallName } from '../../shared/contract/contract';
import { AppFailure, fail, ok, type Result, messageOf } from '../../shared/contract/errors';

/** Runs one call from a transport; never throws. `log` receives unexpected errors (bugs), not user errors. */
export async function invokeCall(
  handlers: Handlers,
  name: unknown,
  args: unknown,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('unknown-call', `There is no call named ${JSON.stringify(String(name)).slice(0, 80)}.`);
  const checked = checkArgs(name, args);
  if (!checked.ok) return fail('invalid-arguments', `Invalid arguments for ${name}: ${checked.problems.slice(0, 5).join('; ')}`);
  try {
    // The handler gets the checked copy, which holds only the keys the contract declares.
    const handler = handlers[name] as (a: unknown) => Promise<unknown>;
    const value = await handler(checked.value);
    return ok(value === undefined ? null : value);
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    log(`pressroom: call ${name} failed unexpectedly`, error);
    return fail('internal', messageOf(error));
  }
}
