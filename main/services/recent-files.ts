/**
 * The recently opened case files, kept in a small JSON file in the app's config folder, with the
 * officer's name given at the last unlock (to prefill the next). Paths and that name only: no case
 * data, no passphrase, no dates of use.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './files';

export const RECENT_FILE_NAME = 'recent-files.json';
export const MAX_RECENT = 8;

/** The longest officer name kept (as `session:open` accepts). */
const MAX_OFFICER = 120;

interface Stored {
  version: 1;
  paths: string[];
  /** The name the officer gave at the last unlock, if any. */
  officer?: string;
}

function storePath(configDir: string): string {
  return path.join(configDir, RECENT_FILE_NAME);
}

/** What is stored; a missing or unreadable store is an empty one. */
function load(configDir: string): Stored {
  try {
    const parsed = JSON.parse(readFileSync(storePath(configDir), 'utf8')) as Partial<Stored>;
    const paths = Array.isArray(parsed.paths)
      ? parsed.paths.filter((p): p is string => typeof p === 'string' && p.length > 0).slice(0, MAX_RECENT)
      : [];
    const officer =
      typeof parsed.officer === 'string' && parsed.officer.trim()
        ? parsed.officer.trim().slice(0, MAX_OFFICER)
        : undefined;
    return { version: 1, paths, ...(officer ? { officer } : {}) };
  } catch {
    return { version: 1, paths: [] };
  }
}

/** The list, most recent first. */
export function loadRecentFiles(configDir: string): string[] {
  return load(configDir).paths;
}

/** The officer's name given at the last unlock; null when none was. */
export function loadOfficer(configDir: string): string | null {
  return load(configDir).officer ?? null;
}

function save(configDir: string, next: Stored): Stored {
  if (!existsSync(configDir)) mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const data: Stored = { version: 1, paths: next.paths.slice(0, MAX_RECENT) };
  if (next.officer) data.officer = next.officer.slice(0, MAX_OFFICER);
  writeFileAtomic(storePath(configDir), `${JSON.stringify(data, null, 2)}\n`);
  return data;
}

/** Keeps the name given at unlock for the next one; null forgets it. */
export function rememberOfficer(configDir: string, officer: string | null): void {
  const { version, paths } = load(configDir);
  save(configDir, officer ? { version, paths, officer } : { version, paths });
}

/** Puts a path at the top of the list. */
export function rememberRecentFile(configDir: string, filePath: string): string[] {
  const resolved = path.resolve(filePath);
  const stored = load(configDir);
  return save(configDir, { ...stored, paths: [resolved, ...stored.paths.filter((p) => p !== resolved)] })
    .paths;
}

export function forgetRecentFile(configDir: string, filePath: string): string[] {
  const resolved = path.resolve(filePath);
  const stored = load(configDir);
  return save(configDir, { ...stored, paths: stored.paths.filter((p) => p !== resolved && p !== filePath) })
    .paths;
}
