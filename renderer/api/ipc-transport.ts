/** The desktop window's transport: the preload's `window.pressroomBridge`, the only door to main. */
import type { Bridge } from '../../shared/contract/transport';
import { relayChecked, type Transport } from './transport';

/** The bridge the preload exposed, or null in a plain browser. */
export function findBridge(scope: unknown = globalThis): Bridge | null {
  const bridge = (scope as { pressroomBridge?: unknown }).pressroomBridge;
  if (typeof bridge !== 'object' || bridge === null) return null;
  const b = bridge as Partial<Bridge>;
  return typeof b.invoke === 'function' && typeof b.on === 'function' ? (bridge as Bridge) : null;
}

/** Wraps the bridge as a Transport; event payloads are checked against the contract before a listener sees them. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    invoke: (name, args) => bridge.invoke(name, args),
    on: (event, listener) => bridge.on(event, (payload: unknown) => relayChecked(event, payload, listener)),
  };
}
