/**
 * Every channel of the contract as `(input: unknown) => Promise<Envelope>`, built through one
 * guarded helper: parse the input with the channel's schema (a validation error changes nothing),
 * queue the call behind the app's earlier calls, run the domain handler, and wrap any error with
 * toErrorInfo so no stack, SQL or case data leaves. Transports (Electron IPC, the HTTP bridge)
 * add their own sender checks in front of this and nothing else.
 */
import { z } from 'zod';
import {
  CHANNEL_NAMES,
  contract,
  describeValidation,
  type Channel,
  type ChannelOutput,
  type Envelope,
  type ParsedInput,
} from '../../../shared/contract';
import { toErrorInfo } from '../errors';
import type { DeskApp } from '../app';
import type { AppHandler, SessionHandler } from './types';
import { sessionHandlers } from './session';
import { queueHandlers } from './queue';
import { caseHandlers } from './cases';
import { clockHandlers } from './clock';
import { settingsHandlers } from './settings';
import { letterAppHandlers, letterHandlers } from './letters';
import { backupHandlers, backupSessionHandlers } from './backup';
import { dialogHandlers } from './dialog';
import { integrityHandlers } from './integrity';
import { draftHandlers } from './drafts';
import { similarHandlers } from './similar';
import { disclosureHandlers } from './disclosure';
import { attachmentHandlers } from './attachments';
import { statsHandlers } from './stats';
import { importHandlers } from './import';
import { s12Handlers } from './s12';
import { standardAnswerHandlers } from './standard-answers';
import { contributorAppHandlers, contributorHandlers } from './contributors';
import { commissionerHandlers } from './commissioner';
import { statsAppHandlers } from './stats';
import { signOffHandlers } from './sign-off';
import { retentionHandlers } from './retention';

export type Handler<C extends Channel = Channel> = (input: unknown) => Promise<Envelope<ChannelOutput<C>>>;
export type Handlers = { [C in Channel]: Handler<C> };

type Run<C extends Channel> = AppHandler<C>;

/** Channels that need a file open: the handler gets the session, or the call is refused as locked. */
const needSession = {
  ...queueHandlers,
  ...caseHandlers,
  ...clockHandlers,
  ...settingsHandlers,
  ...letterHandlers,
  ...draftHandlers,
  ...backupSessionHandlers,
  ...similarHandlers,
  ...disclosureHandlers,
  ...statsHandlers,
  ...s12Handlers,
  ...standardAnswerHandlers,
  ...contributorHandlers,
  ...commissionerHandlers,
  ...signOffHandlers,
  ...retentionHandlers,
};
/** Channels that run on the app itself. */
const onApp = {
  ...sessionHandlers,
  ...letterAppHandlers,
  ...statsAppHandlers,
  ...backupHandlers,
  ...dialogHandlers,
  ...integrityHandlers,
  // Email intake and attachments: they use files held for the session (held-files.ts).
  ...attachmentHandlers,
  ...importHandlers,
  // Writes a chaser's .eml where the officer chose in the save dialog (a granted path).
  ...contributorAppHandlers,
};

/** Every channel has exactly one handler: a missing or doubled one is a type error here. */
const implementations = { ...withSession(needSession), ...onApp } satisfies { [C in Channel]: Run<C> };

function withSession<T extends { [C in Channel]?: SessionHandler<C> }>(
  table: T,
): { [C in keyof T & Channel]: Run<C> } {
  const out: Partial<Record<Channel, Run<Channel>>> = {};
  for (const [channel, handler] of Object.entries(table) as [Channel, SessionHandler<Channel>][]) {
    out[channel] = (app, input) => handler(app.requireSession(), input);
  }
  return out as { [C in keyof T & Channel]: Run<C> };
}

/** Calls that are not the officer's own doing: they do not restart the idle lock. */
function isActivity(channel: Channel, input: unknown): boolean {
  if (channel === 'session:status') return (input as { active?: boolean }).active === true;
  // The page saves drafts just before it locks: that must not put the idle lock off.
  if (channel === 'drafts:save') return false;
  return true;
}

/**
 * Answers that must not wait behind a long call and read nothing from the database connection (a
 * backup's own progress, the integrity check, which reads the file's bytes).
 */
const UNQUEUED = new Set<Channel>([
  'backup:progress',
  'integrity:status',
  'integrity:check',
  'import:progress',
]);

/**
 * Read-only channels, each one synchronous read of the register: they wait for the writes queued
 * before them but not for other reads or a backup's copy (DeskApp.read). Anything that writes,
 * or awaits between its statements, stays in the queue.
 */
const READS = new Set<Channel>([
  'session:status',
  'cases:list',
  'cases:facets',
  'cases:get',
  'cases:similar',
  'disclosure:choice',
  'disclosure:preview',
  'disclosure:export',
  'cases:next-reference',
  'clock:preview',
  'settings:get',
  'letters:templates',
  'letters:list',
  'letters:get',
  'letters:library',
  'backup:status',
  'attachments:list',
  'stats:figures',
  'stats:cases',
  's12:get',
  'answers:list',
  'answers:suggest',
  'contributors:settings',
  'contributors:list',
  'contributors:draft',
  'sign-off:status',
  'sign-off:policy',
  'retention:schedule',
  'retention:due',
]);

/** Long calls that must not interleave with a write but change no case data. */
const QUEUED_NOT_CHANGING = new Set<Channel>([
  'backup:create',
  // A spreadsheet read and checked, nothing written.
  'import:sheet-open',
  'import:sheet-preview',
]);

/** The one helper every channel goes through. */
function guarded<C extends Channel>(channel: C, app: DeskApp, run: Run<C>): Handler<C> {
  const schema = contract[channel].input as unknown as z.ZodType<ParsedInput<C>>;
  return async (input: unknown): Promise<Envelope<ChannelOutput<C>>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: describeValidation(parsed.error) } };
    }
    try {
      const work = () => {
        if (isActivity(channel, parsed.data)) app.touch();
        return run(app, parsed.data);
      };
      const value = UNQUEUED.has(channel)
        ? await run(app, parsed.data)
        : READS.has(channel)
          ? await app.read(work)
          : await app.enqueue(work, { changes: !QUEUED_NOT_CHANGING.has(channel) });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof z.ZodError) {
        return { ok: false, error: { code: 'validation', message: describeValidation(error) } };
      }
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}

export function createHandlers(app: DeskApp): Handlers {
  const handlers: Partial<Record<Channel, Handler>> = {};
  for (const channel of CHANNEL_NAMES) {
    // One generic helper for every channel; the map is typed per channel by Handlers below.
    handlers[channel] = guarded<Channel>(channel, app, implementations[channel] as Run<Channel>);
  }
  return handlers as Handlers;
}

/** An envelope for a channel name the contract does not have. */
export function unknownChannel(name: string): Envelope<never> {
  return { ok: false, error: { code: 'not-found', message: `There is no channel "${name.slice(0, 60)}".` } };
}
