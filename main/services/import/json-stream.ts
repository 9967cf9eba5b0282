/**
 * Reads the items of an interchange file as it goes: a top-level array yields each element once
 * its closing bracket is read, so memory holds one case at a time, never the file. Each element's
 * text is parsed with JSON.parse (its errors, its limits); the scanner only finds where elements
 * start and end (strings, escapes and nesting depth). A file that is one object yields that object.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { refuseHeldFile } from '../../../db/case-file';

type Mode = 'start' | 'array' | 'single' | 'after';
const startMode = (): Mode => 'start';

export type JsonItem = { ok: true; index: number; value: unknown } | { ok: false; problem: string };

export interface JsonStreamOptions {
  /** Bytes read so far, after each chunk (for progress). */
  onBytes?: (bytes: number) => void;
}

/** The items of the JSON file at `path`: each array element, or the one top-level value. */
export async function* jsonItems(path: string, options: JsonStreamOptions = {}): AsyncGenerator<JsonItem> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  // Set inside feed(): a plain literal here would let TypeScript narrow it for good.
  let mode = startMode();
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let element = ''; // text of the element being read (array mode), or of the whole value (single)
  let elementStarted = false;
  let index = 0;
  let first = true;
  let expectingValue = true; // in the array: after "[" or ",", before an element
  const out: JsonItem[] = [];

  const finishElement = () => {
    try {
      out.push({ ok: true, index, value: JSON.parse(element) });
    } catch (error) {
      out.push({ ok: false, problem: `item [${index}] is not valid JSON (${(error as Error).message})` });
    }
    index++;
    element = '';
    elementStarted = false;
  };

  const feed = (chunk: string): string | null => {
    let i = 0;
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    // Where this chunk's part of the current element starts: at 0 when it began in an earlier chunk.
    let from = elementStarted ? i : -1;
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (mode === 'single') continue;
      if (mode === 'start') {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        if (c === '[') {
          mode = 'array';
          continue;
        }
        mode = 'single';
        element = chunk.slice(i);
        return null;
      }
      if (mode === 'after') {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        return 'there is more after the closing "]" of the list';
      }
      // Array mode.
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (!elementStarted) {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        if (c === ']') {
          if (!expectingValue || index === 0) {
            mode = 'after';
            continue;
          }
          return 'the list ends with a comma';
        }
        if (c === ',') {
          if (expectingValue) return `item [${index}] is missing (two commas in a row)`;
          expectingValue = true;
          continue;
        }
        if (!expectingValue) return `a comma is missing after item [${index - 1}]`;
        elementStarted = true;
        expectingValue = false;
        from = i;
        depth = 0;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) {
          // The end of the list straight after a scalar element.
          element += chunk.slice(from, i);
          from = -1;
          finishElement();
          mode = 'after';
          continue;
        }
        depth--;
        if (depth === 0) {
          element += chunk.slice(from, i + 1);
          from = -1;
          finishElement();
        }
      } else if (c === ',' && depth === 0) {
        element += chunk.slice(from, i);
        from = -1;
        finishElement();
        expectingValue = true;
      }
    }
    if (from !== -1) element += chunk.slice(from);
    return null;
  };

  refuseHeldFile(path, 'The file to import');
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  for await (const buffer of stream as AsyncIterable<Buffer>) {
    bytes += buffer.length;
    const text = decoder.write(buffer);
    const wasSingle = mode === 'single';
    if (wasSingle) element += text;
    else {
      const problem = feed(text);
      if (problem) {
        stream.destroy();
        yield* out.splice(0);
        yield { ok: false, problem };
        return;
      }
    }
    options.onBytes?.(bytes);
    yield* out.splice(0);
  }
  const rest = decoder.end();
  if (mode === 'single') element += rest;
  if (mode === 'single') {
    try {
      yield { ok: true, index: -1, value: JSON.parse(element) };
    } catch (error) {
      yield { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
    }
    return;
  }
  if (mode === 'start') {
    yield { ok: false, problem: 'is empty' };
    return;
  }
  if (mode === 'array') {
    yield { ok: false, problem: 'ends before the closing "]" of the list (the file is cut short)' };
    return;
  }
  if (index === 0) yield { ok: false, problem: 'holds an empty list' };
}
