/**
 * The recently opened case files, kept in a small JSON file in the app's config folder. Paths only:
 * no case data, no passphrase, no dates of use.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './files';

export const RECENT_FILE_NAME = 'recent-files.json';
export const MAX_RECENT = 8;

interface Stored {
  version: 1;
  paths: string[];
}

function storePath(configDir: string): string {
  return path.join(configDir, RECENT_FILE_NAME);
}

/** The list, most recent first; a missing or unreadable store is an empty list. */
export function loadRecentFiles(configDir: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(storePath(configDir), 'utf8')) as Partial<Stored>;
    if (!Array.isArray(parsed.paths)) return [];
    return parsed.paths
      .filter((p): p is string => typeof p === 'string' && p.length > 0)
      .slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

function save(configDir: string, paths: string[]): string[] {
  if (!existsSync(configDir)) mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const data: Stored = { version: 1, paths: paths.slice(0, MAX_RECENT) };
  writeFileAtomic(storePath(configDir), `${JSON.stringify(data, null, 2)}\n`);
  return data.paths;
}

/** Puts a path at the top of the list. */
export function rememberRecentFile(configDir: string, filePath: string): string[] {
  const resolved = path.resolve(filePath);
  return save(configDir, [resolved, ...loadRecentFiles(configDir).filter((p) => p !== resolved)]);
}

export function forgetRecentFile(configDir: string, filePath: string): string[] {
  const resolved = path.resolve(filePath);
  return save(
    configDir,
    loadRecentFiles(configDir).filter((p) => p !== resolved && p !== filePath),
  );
}
