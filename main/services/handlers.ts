/**
 * Every channel of the contract as `(input: unknown) => Promise<Envelope>`, built through one
 * guarded helper: parse the input with the channel's schema (a validation error changes nothing),
 * queue the call behind the session's earlier calls, run the service, and wrap any error with
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
} from '../../shared/contract';
import { toErrorInfo } from './errors';
import type { Desk } from './desk';

export type Handler<C extends Channel = Channel> = (input: unknown) => Promise<Envelope<ChannelOutput<C>>>;
export type Handlers = { [C in Channel]: Handler<C> };

type Implementations = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

function implementations(desk: Desk): Implementations {
  return {
    'session:status': () => desk.status(),
    'session:create': (i) => desk.create(i),
    'session:open': (i) => desk.open(i),
    'session:lock': () => desk.lock(),
    'session:forget-recent': (i) => desk.forgetRecent(i),
    'cases:list': (i) => desk.listCases(i),
    'cases:facets': () => desk.facets(),
    'cases:get': (i) => desk.getCase(i.id),
    'cases:create': (i) => desk.createCase(i.draft),
    'cases:update': (i) => desk.updateCase(i.id, i.patch),
    'cases:set-questions': (i) => desk.setQuestions(i.id, i.questions),
    'cases:set-response': (i) => desk.setResponse(i.id, i.path, i.response),
    'cases:add-event': (i) => desk.addEvent(i.id, i.event),
    'cases:remove-event': (i) => desk.removeEvent(i.id, i.eventId),
    'cases:next-reference': () => desk.nextReference(),
    'clock:preview': (i) => desk.previewClock(i),
    'settings:get': () => desk.getSettings(),
    'settings:save': (i) => desk.saveSettings(i.settings),
    'settings:save-organisation': (i) => desk.saveOrganisation(i.organisation),
    'settings:save-officer': (i) => desk.saveOfficer(i),
    'settings:add-holiday': (i) => desk.addHoliday(i),
    'settings:remove-holiday': (i) => desk.removeHoliday(i),
    'letters:templates': (i) => desk.letterTemplates(i),
    'letters:list': (i) => desk.listLetters(i.caseId),
    'letters:get': (i) => desk.getLetter(i.versionId),
    'letters:generate': (i) => desk.generateLetter(i),
    'letters:save': (i) => desk.saveLetter(i),
    'letters:mark-sent': (i) => desk.markLetterSent(i.versionId),
    'letters:render-docx': (i) => desk.renderLetterDocx(i.versionId),
    'letters:export-docx': (i) => desk.exportLetterDocx(i),
    'letters:library': () => desk.letterLibrary(),
    'letters:save-template': (i) => desk.saveLetterTemplate(i.template),
    'letters:reset-template': (i) => desk.resetLetterTemplate(i.id),
    'letters:save-paragraph': (i) => desk.saveLetterParagraph(i.paragraph),
    'letters:reset-paragraph': (i) => desk.resetLetterParagraph(i.id),
    'dialog:save-path': (i) => desk.chooseSavePath(i),
    'backup:status': () => desk.backupStatus(),
    'backup:create': (i) => desk.createBackup(i),
    'backup:progress': () => desk.backupProgress(),
    'backup:inspect': (i) => desk.inspectBackup(i),
    'backup:restore': (i) => desk.restoreBackup(i),
  };
}

/** Calls that are not the officer's own doing: they do not restart the idle lock. */
function isActivity(channel: Channel, input: unknown): boolean {
  if (channel === 'session:status') return (input as { active?: boolean }).active === true;
  return true;
}

/** Read-only answers that must not wait behind a long call (a backup's own progress). */
const UNQUEUED = new Set<Channel>(['backup:progress']);

/** The one helper every channel goes through. */
function guarded<C extends Channel>(channel: C, desk: Desk, run: Implementations[C]): Handler<C> {
  const schema = contract[channel].input as unknown as z.ZodType<ParsedInput<C>>;
  return async (input: unknown): Promise<Envelope<ChannelOutput<C>>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: describeValidation(parsed.error) } };
    }
    try {
      const value = UNQUEUED.has(channel)
        ? await run(parsed.data)
        : await desk.enqueue(() => {
            if (isActivity(channel, parsed.data)) desk.touch();
            return run(parsed.data);
          });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof z.ZodError) {
        return { ok: false, error: { code: 'validation', message: describeValidation(error) } };
      }
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}

export function createHandlers(desk: Desk): Handlers {
  const impl = implementations(desk);
  const handlers: Partial<Record<Channel, Handler>> = {};
  for (const channel of CHANNEL_NAMES) {
    // One generic helper for every channel; the map is typed per channel by Handlers below.
    handlers[channel] = guarded<Channel>(channel, desk, impl[channel]);
  }
  return handlers as Handlers;
}

/** An envelope for a channel name the contract does not have. */
export function unknownChannel(name: string): Envelope<never> {
  return { ok: false, error: { code: 'not-found', message: `There is no channel "${name.slice(0, 60)}".` } };
}
