/**
 * The handlers, called directly with the app's open session: what the tests and benchmarks use to
 * drive the service without a transport. Each is the very function the channel runs.
 */
import type { DeskApp } from '../main/services/app';
import { backupSessionHandlers } from '../main/services/handlers/backup';
import { caseHandlers } from '../main/services/handlers/cases';
import { clockHandlers } from '../main/services/handlers/clock';
import { queueHandlers } from '../main/services/handlers/queue';
import { sessionHandlers, sessionStatus } from '../main/services/handlers/session';
import { settingsHandlers } from '../main/services/handlers/settings';
import type { CaseDraft, CasePatch, ClockEventInput, ParsedInput } from '../shared/contract';
import type { QuestionData, QuestionResponse, Organisation, Regime } from '../shared/case-format';
import type { Settings } from '../shared/settings';

export function serviceOf(app: DeskApp) {
  const s = () => app.requireSession();
  return {
    status: () => sessionStatus(app),
    create: (i: ParsedInput<'session:create'>) => sessionHandlers['session:create'](app, i),
    open: (i: ParsedInput<'session:open'>) => sessionHandlers['session:open'](app, i),
    lock: () => sessionHandlers['session:lock'](app),
    forgetRecent: (i: { path: string }) => sessionHandlers['session:forget-recent'](app, i),
    listCases: (q: ParsedInput<'cases:list'>) => queueHandlers['cases:list'](s(), q),
    facets: () => queueHandlers['cases:facets'](s()),
    getCase: (id: number) => caseHandlers['cases:get'](s(), { id }),
    createCase: (draft: CaseDraft) => caseHandlers['cases:create'](s(), { draft }),
    updateCase: (id: number, patch: CasePatch) => caseHandlers['cases:update'](s(), { id, patch }),
    setQuestions: (id: number, questions: QuestionData[]) =>
      caseHandlers['cases:set-questions'](s(), { id, questions }),
    setResponse: (id: number, questionId: string, response: QuestionResponse | null) =>
      caseHandlers['cases:set-response'](s(), { id, questionId, response }),
    addEvent: (id: number, event: ClockEventInput) => caseHandlers['cases:add-event'](s(), { id, event }),
    removeEvent: (id: number, eventId: number) => caseHandlers['cases:remove-event'](s(), { id, eventId }),
    nextReference: (regime?: Regime) => caseHandlers['cases:next-reference'](s(), regime ? { regime } : {}),
    previewClock: (i: ParsedInput<'clock:preview'>) => clockHandlers['clock:preview'](s(), i),
    getSettings: () => settingsHandlers['settings:get'](s()),
    saveSettings: (settings: Partial<Settings>) => settingsHandlers['settings:save'](s(), { settings }),
    saveOrganisation: (organisation: Organisation) =>
      settingsHandlers['settings:save-organisation'](s(), { organisation }),
    saveOfficer: (i: ParsedInput<'settings:save-officer'>) =>
      settingsHandlers['settings:save-officer'](s(), i),
    addHoliday: (i: ParsedInput<'settings:add-holiday'>) => settingsHandlers['settings:add-holiday'](s(), i),
    removeHoliday: (i: ParsedInput<'settings:remove-holiday'>) =>
      settingsHandlers['settings:remove-holiday'](s(), i),
    backupStatus: () => backupSessionHandlers['backup:status'](s()),
  };
}
export type Service = ReturnType<typeof serviceOf>;
