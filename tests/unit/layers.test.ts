/**
 * The layers hold: ESLint (the project's own eslint.config.js, through its Node API) refuses an
 * import along each arrow that must not exist, and accepts the arrows that should; and each
 * runtime's tsconfig gives its code only the globals that runtime has. The probes are checked in
 * memory with a file path inside the layer, so nothing is written into the tree.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
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

/** The type errors of each probe (as a file in `project`), compiled with that project's options. */
function typeErrorsIn(project: string, probes: string[]): Map<string, string[]> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(repoRoot, project, 'tsconfig.json'),
    undefined,
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`no tsconfig in ${project}`);
  const options = {
    ...parsed.options,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
    noEmit: true,
  };
  const files = new Map(
    probes.map((code, i) => [path.join(repoRoot, project, `__layer-probe-${i}__.ts`), code]),
  );
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const code = files.get(path.resolve(name));
    return code === undefined
      ? readSource(name, language, ...rest)
      : ts.createSourceFile(name, code, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return new Map(
    [...files].map(([file, code]) => [
      code,
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

// [project, code, the global it must not know (null: it must compile)]
const GLOBALS: [string, string, string | null][] = [
  ['shared', 'export const x = document.title;', 'document'],
  ['shared', 'export const x = window.location;', 'window'],
  ['shared', 'export const x = process.env.HOME;', 'process'],
  ['shared', "export const x = Buffer.from('x');", 'Buffer'],
  ['shared', 'export const x = [1, 2].findLast((n) => n > 1);', null],
  ['renderer', 'export const x = process.env.HOME;', 'process'],
  ['renderer', "export const x = Buffer.from('x');", 'Buffer'],
  ['renderer', 'export const x = document.title;', null],
  ['main', 'export const x = document.title;', 'document'],
  ['db', 'export const x = document.title;', 'document'],
  ['templates', 'export const x = window.location;', 'window'],
  ['main', "export const x = [process.env.HOME, Buffer.from('x')];", null],
];

describe('each runtime has only its own globals', () => {
  // One program per project for all its probes.
  const checked = new Map<string, Map<string, string[]>>();
  function typeErrors(project: string, code: string): string[] {
    if (!checked.has(project))
      checked.set(
        project,
        typeErrorsIn(
          project,
          GLOBALS.filter(([p]) => p === project).map(([, c]) => c),
        ),
      );
    return checked.get(project)!.get(code)!;
  }

  it.each(GLOBALS)('%s: %s', (project, code, unknownName) => {
    const errors = typeErrors(project, code);
    if (unknownName === null) expect(errors).toEqual([]);
    else expect(errors.some((e) => e.startsWith(`Cannot find name '${unknownName}'`))).toBe(true);
  });
});
