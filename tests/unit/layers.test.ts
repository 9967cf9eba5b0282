/**
 * The layers hold: ESLint (the project's own eslint.config.js, through its Node API) refuses an
 * import along each arrow that must not exist, and accepts the arrows that should. The probes are
 * linted in memory with a file path inside the layer, so nothing is written into the tree.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers';

const LAYER_RULES = ['import-x/no-restricted-paths', 'no-restricted-imports'];

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: repoRoot,
    // The probes are not files on disk, so no type information: run only the layer rules.
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => LAYER_RULES.includes(ruleId),
  });
});

/** The layer-rule messages for one import written in a file at `file` (relative to the repo). */
async function lintImport(file: string, specifier: string): Promise<string[]> {
  const code = `export * from '${specifier}';\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.map((m) => `${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}: ${m.message}`);
}

// [the probe file, an import it must not make, the rule that refuses it]
const FORBIDDEN: [string, string, string][] = [
  ['renderer/src/probe.tsx', '../../db/schema', 'import-x/no-restricted-paths'],
  ['renderer/src/probe.tsx', '../../main/services/errors', 'import-x/no-restricted-paths'],
  ['renderer/src/probe.tsx', '../../templates/index', 'import-x/no-restricted-paths'],
  ['renderer/src/screens/probe.tsx', '../../../main/logger', 'import-x/no-restricted-paths'],
  ['shared/probe.ts', '../main/services/errors', 'import-x/no-restricted-paths'],
  ['shared/probe.ts', '../db/schema', 'import-x/no-restricted-paths'],
  ['shared/probe.ts', '../renderer/src/format', 'import-x/no-restricted-paths'],
  ['shared/letter/probe.ts', '../../templates/index', 'import-x/no-restricted-paths'],
  ['shared/probe.ts', 'node:fs', 'no-restricted-imports'],
  ['shared/probe.ts', 'fs', 'no-restricted-imports'],
  ['shared/probe.ts', 'path', 'no-restricted-imports'],
  ['shared/probe.ts', 'electron', 'no-restricted-imports'],
  ['shared/probe.ts', 'better-sqlite3', 'no-restricted-imports'],
  ['shared/probe.ts', 'react', 'no-restricted-imports'],
  ['db/probe.ts', '../main/services/errors', 'import-x/no-restricted-paths'],
  ['db/queries/probe.ts', '../../main/logger', 'import-x/no-restricted-paths'],
  ['db/probe.ts', '../templates/index', 'import-x/no-restricted-paths'],
  ['templates/probe.ts', '../db/schema', 'import-x/no-restricted-paths'],
  ['templates/probe.ts', '../main/services/letters', 'import-x/no-restricted-paths'],
  ['main/services/probe.ts', '../electron/dialogs', 'import-x/no-restricted-paths'],
  ['main/services/probe.ts', '../bridge/security-headers', 'import-x/no-restricted-paths'],
  ['main/services/probe.ts', '../cli/cli-error', 'import-x/no-restricted-paths'],
  ['main/services/probe.ts', '../../renderer/src/format', 'import-x/no-restricted-paths'],
  ['main/services/probe.ts', 'electron', 'no-restricted-imports'],
  ['main/logger.ts', 'electron', 'no-restricted-imports'],
  ['main/services/probe.ts', '../../tests/helpers', 'import-x/no-restricted-paths'],
];

// Arrows the house relies on: the same rules must let them through.
const ALLOWED: [string, string][] = [
  ['renderer/src/probe.tsx', '../../shared/contract'],
  ['renderer/src/probe.tsx', 'react'],
  ['shared/probe.ts', './dates'],
  ['shared/probe.ts', 'zod'],
  ['db/probe.ts', '../shared/errors'],
  ['templates/probe.ts', '../shared/letter/doc'],
  ['main/services/probe.ts', '../../db/case-file'],
  ['main/services/probe.ts', '../../templates/index'],
  ['main/services/probe.ts', '../logger'],
  ['main/electron/probe.ts', 'electron'],
  ['main/electron/probe.ts', '../services/errors'],
  ['main/bridge/probe.ts', '../services/errors'],
  ['main/cli/probe.ts', '../services/errors'],
  ['tests/unit/probe.ts', '../../main/services/errors'],
];

describe('layers', () => {
  it.each(FORBIDDEN)('%s may not import %s', async (file, specifier, rule) => {
    const errors = await lintImport(file, specifier);
    // An error, not a warning: `npm run lint` must fail.
    expect(errors.some((e) => e.startsWith(`error ${rule}: `))).toBe(true);
  });

  it.each(ALLOWED)('%s may import %s', async (file, specifier) => {
    expect(await lintImport(file, specifier)).toEqual([]);
  });
});
