/** The disclosure log: choosing closed cases, deciding each personal-data finding, exporting. */
import {
  chooseForLog,
  decideFinding,
  disclosureChoice,
  disclosurePreview,
  renderDisclosureLog,
} from '../disclosure-log';
import type { SessionHandlers } from './types';

export const disclosureHandlers = {
  'disclosure:choice': (s, { caseId }) => disclosureChoice(s.db, caseId),
  'disclosure:choose': (s, { caseId, chosen }) => chooseForLog(s.db, caseId, chosen, s.actor),
  'disclosure:preview': (s, { from, to }) => disclosurePreview(s.db, from, to),
  'disclosure:decide': (s, { from, to, caseId, key, action }) => {
    decideFinding(s.db, { caseId, key, action, actor: s.actor });
    return disclosurePreview(s.db, from, to);
  },
  'disclosure:export': (s, input) => {
    const file = renderDisclosureLog(s.db, input);
    return { fileName: file.fileName, base64: Buffer.from(file.text, 'utf8').toString('base64') };
  },
} satisfies SessionHandlers<'disclosure:'>;
