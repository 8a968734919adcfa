/** Test support: the real handlers over real services in a temporary folder, called through the call edge. */
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';
import type { AppInfo } from '../../shared/contract/models';
import { createAppState } from '../services/app-state';
import { createEventBus } from './event-bus';
import { createHandlers } from './handlers';
import { invokeCall } from './invoke';

const repo = path.resolve(__dirname, '..', '..');

/** Handlers whose app data, documents and home folder all live in `tmp`, as the backend tests need. */
export function createTestHandlers(tmp: string, bus = createEventBus()): { handlers: Handlers; call<T = unknown>(name: string, args: unknown): Promise<Result<T>> } {
  const info: AppInfo = { name: 'Pressroom', version: '0', platform: process.platform, systemLanguage: 'en', documentsDir: tmp, homeDir: tmp, capabilities: { folderPicker: false } };
  const handlers = createHandlers({
    appState: createAppState(path.join(tmp, 'app-data'), { sampleDestination: tmp }),
    bus,
    sampleDir: path.join(repo, 'resources', 'sample-site'),
    info,
    openExternal: async () => true,
  });
  return { handlers, call: <T>(name: string, args: unknown) => invokeCall(handlers, name, args, () => undefined) as Promise<Result<T>> };
}
