/**
 * Prepared statements kept per connection for the hot reads (the queue's pages, counts and facets,
 * the case page's reads). Preparing a statement per call costs its compile and leaves a native
 * statement (~4 KiB) that is only freed when V8 collects its small JS wrapper, which it sees no
 * reason to hurry: over a long session the process grew with every page shown. Here each distinct
 * SQL text is compiled once per connection and reused; the least recently used go past LIMIT
 * entries (a search's SQL varies with the number of words, a filter's with its fields).
 *
 * A cached statement must be run to completion by its caller (`all`, `get`, `run`); never
 * `iterate` one, which would leave it busy for the next caller.
 */
import type Database from 'better-sqlite3';

const LIMIT = 200;

type Statement = Database.Statement<unknown[], unknown>;

const caches = new WeakMap<Database.Database, Map<string, Statement>>();

function lookup<T>(map: Map<string, T>, key: string, make: () => T): T {
  const hit = map.get(key);
  if (hit !== undefined) {
    // Most recently used last (a Map keeps insertion order).
    map.delete(key);
    map.set(key, hit);
    return hit;
  }
  const made = make();
  map.set(key, made);
  if (map.size > LIMIT) map.delete(map.keys().next().value!);
  return made;
}

/** The connection's statement for `sql`, prepared on first use; `pluck` returns the first column. */
export function cachedStatement(
  sqlite: Database.Database,
  sql: string,
  mode: 'rows' | 'pluck' = 'rows',
): Statement {
  let map = caches.get(sqlite);
  if (!map) {
    map = new Map();
    caches.set(sqlite, map);
  }
  return lookup(map, `${mode}\u0000${sql}`, () => {
    const statement = sqlite.prepare(sql);
    return mode === 'pluck' ? statement.pluck() : statement;
  });
}

/** How many statements the connection has cached (for the benchmark and the tests). */
export function cachedStatementCount(sqlite: Database.Database): number {
  return caches.get(sqlite)?.size ?? 0;
}

const preparedQueries = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle query prepared once per connection (`.prepare()` over `sql.placeholder`s), kept by
 * `name`: the query keeps drizzle's column mapping and runs one native statement every time.
 */
export function preparedQuery<T>(db: object, name: string, make: () => T): T {
  let map = preparedQueries.get(db);
  if (!map) {
    map = new Map();
    preparedQueries.set(db, map);
  }
  return lookup(map, name, make) as T;
}
