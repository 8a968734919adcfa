/**
 * The layers are a rule, not a wish: in a copy of the repo, one forbidden import planted in each layer makes
 * `eslint` fail with the boundaries (or restricted-globals) rule, and the same copy without plants passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
// What linting the app folders needs: the sources, the lint config and the tsconfigs the resolver reads.
const copied = ['shared', 'renderer', 'electron', 'e2e', 'bench', 'eslint.config.mjs', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.tools.json'];

const DEPENDENCIES = 'boundaries/dependencies';
const UNKNOWN_FILE = 'boundaries/no-unknown-files';
const GLOBALS = 'no-restricted-globals';

/** One planted breach: a new file in a layer's folder, its source, and the rule that must catch it. */
interface Plant {
  name: string;
  file: string;
  source: string;
  rule: string;
  /** Other rules the plant also (rightly) trips. */
  also?: string[];
}

const plants: Plant[] = [
  { name: 'shared imports renderer/', file: 'shared/contract/planted.ts', source: "import '../../renderer/api/client';\n", rule: DEPENDENCIES },
  { name: 'shared type-imports renderer/', file: 'shared/contract/planted-type.ts', source: "import type { Transport } from '../../renderer/api/transport';\nexport type Planted = Transport;\n", rule: DEPENDENCIES },
  { name: 'shared re-exports electron/', file: 'shared/util/planted-export.ts', source: "export * from '../../electron/services/site';\n", rule: DEPENDENCIES },
  { name: 'shared names a renderer type through import()', file: 'shared/util/planted-import-type.ts', source: "export type Planted = import('../../renderer/api/transport').Transport;\n", rule: DEPENDENCIES, also: ['@typescript-eslint/consistent-type-imports'] },
  { name: 'shared imports node:fs', file: 'shared/util/planted-node.ts', source: "import 'node:fs';\n", rule: DEPENDENCIES },
  { name: 'shared imports fs (bare)', file: 'shared/util/planted-bare.ts', source: "import 'fs';\n", rule: DEPENDENCIES },
  { name: 'shared uses document', file: 'shared/util/planted-dom.ts', source: 'export const title = (): string => document.title;\n', rule: GLOBALS },
  { name: 'shared uses process', file: 'shared/util/planted-process.ts', source: 'export const home = (): string | undefined => process.env.HOME;\n', rule: GLOBALS },
  { name: 'shared imports a tool (e2e harness)', file: 'shared/util/planted-tool.ts', source: "import '../../e2e/harness';\n", rule: DEPENDENCIES },
  { name: 'a shared test imports renderer/', file: 'shared/util/planted.test.ts', source: "import '../../renderer/api/client';\n", rule: DEPENDENCIES },
  { name: 'renderer imports zlib', file: 'renderer/common/planted.ts', source: "import 'zlib';\n", rule: DEPENDENCIES },
  { name: 'renderer imports electron', file: 'renderer/api/planted.ts', source: "import 'electron';\n", rule: DEPENDENCIES },
  { name: 'renderer uses process', file: 'renderer/api/planted-process.ts', source: 'export const mode = (): string | undefined => process.env.NODE_ENV;\n', rule: GLOBALS },
  { name: 'a renderer feature imports another feature', file: 'renderer/features/posts/planted.ts', source: "import '../preview/sanitize';\n", rule: DEPENDENCIES },
  { name: 'a renderer feature imports renderer/app', file: 'renderer/features/settings/planted.ts', source: "import '../../app/app';\n", rule: DEPENDENCIES },
  { name: 'renderer/common imports a feature', file: 'renderer/common/planted-feature.ts', source: "import '../features/posts/filter-posts';\n", rule: DEPENDENCIES },
  { name: 'renderer imports electron/', file: 'renderer/app/planted.ts', source: "import '../../electron/services/site';\n", rule: DEPENDENCIES },
  { name: 'a new renderer folder nobody classified', file: 'renderer/extras/planted.ts', source: 'export const planted = 1;\n', rule: UNKNOWN_FILE },
  { name: 'a service imports electron', file: 'electron/services/site/planted.ts', source: "import 'electron';\n", rule: DEPENDENCIES },
  { name: "a service area imports another area's internal file", file: 'electron/services/posts/planted.ts', source: "import '../documents/atomic-write';\n", rule: DEPENDENCIES },
  { name: 'a service imports backend/', file: 'electron/services/site/planted-backend.ts', source: "import '../../backend/invoke';\n", rule: DEPENDENCIES },
  { name: 'backend imports renderer/', file: 'electron/backend/planted.ts', source: "import '../../renderer/api/client';\n", rule: DEPENDENCIES },
  { name: 'server imports electron', file: 'electron/server/planted.ts', source: "import 'electron';\n", rule: DEPENDENCIES },
  { name: 'cli imports electron', file: 'electron/cli/planted.ts', source: "import 'electron';\n", rule: DEPENDENCIES },
  { name: 'launch imports electron lazily', file: 'electron/launch/planted.ts', source: "export const load = () => import('electron');\n", rule: DEPENDENCIES },
  { name: 'main imports renderer/', file: 'electron/main/planted.ts', source: "import '../../renderer/api/client';\n", rule: DEPENDENCIES },
  { name: 'preload imports renderer/', file: 'electron/preload/planted.ts', source: "import '../../renderer/api/client';\n", rule: DEPENDENCIES },
  { name: 'a new electron/ folder nobody classified', file: 'electron/jobs/planted.ts', source: 'export const planted = 1;\n', rule: UNKNOWN_FILE },
];

let tmp: string;
let eslint: ESLint;

/** The real files next to each plant: the unplanted copy must lint clean there. */
function neighbours(): string[] {
  const dirs = [...new Set(plants.map((plant) => path.dirname(plant.file)))].filter((dir) => fs.existsSync(path.join(tmp, dir)));
  return dirs.flatMap((dir) => fs.readdirSync(path.join(tmp, dir)).filter((name) => /\.tsx?$/.test(name)).map((name) => path.join(dir, name)));
}

/** Error messages by file (relative to the copy) and rule. */
async function lint(files: string[]): Promise<Map<string, string[]>> {
  const results = await eslint.lintFiles(files);
  return new Map(results.map((result) => [path.relative(tmp, result.filePath), result.messages.map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`)]));
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-layers-'));
  for (const entry of copied) {
    fs.cpSync(path.join(repo, entry), path.join(tmp, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  eslint = new ESLint({ cwd: tmp });
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the layers', () => {
  it('lint clean in the unplanted copy, and fail on one forbidden import planted in each layer', async () => {
    const clean = await lint(neighbours());
    expect(clean.size).toBeGreaterThan(20);
    expect([...clean].filter(([, messages]) => messages.length > 0)).toEqual([]);

    for (const plant of plants) {
      fs.mkdirSync(path.dirname(path.join(tmp, plant.file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, plant.file), plant.source);
    }
    const planted = await lint(plants.map((plant) => plant.file));
    const caught = plants.map((plant) => ({ name: plant.name, rules: [...new Set((planted.get(plant.file) ?? []).map((message) => message.split(':')[0]))].sort() }));
    expect(caught).toEqual(plants.map((plant) => ({ name: plant.name, rules: [...(plant.also ?? []), plant.rule].sort() })));
  }, 60_000);
});
