/**
 * One test for each way a real request is written (issue 12, part 8), each with the case that
 * must NOT be read that way beside it, and the note the officer sees.
 */
import { describe, expect, it } from 'vitest';
import { proposeQuestions } from '../../shared/questions';
import type { QuestionData } from '../../shared/case-format';

/** "number | text" rows, parts indented, as the corpus writes them. */
function rows(questions: readonly QuestionData[], depth = 0): string[] {
  return questions.flatMap((q) => [
    `${'  '.repeat(depth)}${q.number} | ${q.text}`,
    ...rows(q.parts ?? [], depth + 1),
  ]);
}
const split = (text: string) => rows(proposeQuestions(text).questions);
const notes = (text: string) => proposeQuestions(text).notes;

describe('bullets', () => {
  it('are not part of the text; with nothing above they are questions', () => {
    expect(split('- How many beds?\n- How many wards?\n* Who runs them?')).toEqual([
      '1 | How many beds?',
      '2 | How many wards?',
      '3 | Who runs them?',
    ]);
  });

  it('under a numbered question, or indented under a bullet, are its parts', () => {
    expect(split('1. How many staff, by:\n• full time\n• part time\n2. Who?')).toEqual([
      '1 | How many staff, by:',
      '  1.1 | full time',
      '  1.2 | part time',
      '2 | Who?',
    ]);
    expect(split('• How much was spent?\n    ◦ in 2023\n    ◦ in 2024\n• Who is the supplier?')).toEqual([
      '1 | How much was spent?',
      '  1.1 | in 2023',
      '  1.2 | in 2024',
      '2 | Who is the supplier?',
    ]);
  });

  it('a bullet and a tab pasted from Word, and a bullet before a number label, are set aside', () => {
    expect(split('•\tWhat is the budget?\n- 2. Who approved it?')).toEqual([
      '1 | What is the budget?',
      '2 | Who approved it?',
    ]);
  });
});

describe('labels with no space after them', () => {
  it('reads "a.What" and "1.Does" as labels', () => {
    expect(split('1.Does the Trust pay ransoms?\na.If yes, how much?\nb.To whom?')).toEqual([
      '1 | Does the Trust pay ransoms?',
      '  1(a) | If yes, how much?',
      '  1(b) | To whom?',
    ]);
  });

  it('but not "e.g.the" or a word that starts a line', () => {
    expect(split('1. What software, e.g.\ne.g.the EPR, is used?')).toEqual([
      '1 | What software, e.g. e.g.the EPR, is used?',
    ]);
  });
});

describe('sections under headings', () => {
  it('are kept as A, B when the numbering restarts under each heading', () => {
    expect(
      split(
        'Intranet Questions\n\n1. Who runs it?\n2. What does it cost?\n\nWebsite Questions\n\n1. Who hosts it?',
      ),
    ).toEqual([
      'A | Intranet Questions',
      '  A.1 | Who runs it?',
      '  A.2 | What does it cost?',
      'B | Website Questions',
      '  B.1 | Who hosts it?',
    ]);
  });

  it('are left out, with a note, when the numbering runs on across them', () => {
    const text = 'Drones\n\n1. How many drones?\n\nBody-worn video\n\n2. How many cameras?';
    expect(split(text)).toEqual(['1 | How many drones?', '2 | How many cameras?']);
    expect(notes(text)).toEqual([
      "Left out the headings 'Drones', 'Body-worn video' (the numbering runs on across them).",
    ]);
  });

  it('a heading ending "?" over advice ("EXEMPTIONS?") is left out with the advice', () => {
    const text =
      '1. How many complaints?\n2. How many upheld?\nEXEMPTIONS?\nIf you rely on section 43, please see the ICO decision IC-1234.';
    expect(split(text)).toEqual(['1 | How many complaints?', '2 | How many upheld?']);
    expect(notes(text)).toEqual([
      "Left out the heading 'EXEMPTIONS?' and the text under it (it asks nothing).",
    ]);
  });

  it('a request that is only a heading-like line is still one question', () => {
    expect(split('Car parking charges policy')).toEqual(['1 | Car parking charges policy']);
  });

  it('a short line asking something is not a heading', () => {
    expect(split('Please can you\n1. Confirm the date.\n2. Give the cost.')).toEqual([
      '1 | Confirm the date.',
      '2 | Give the cost.',
    ]);
  });
});

describe('a stem ending ":" and lines ending ";"', () => {
  it('makes the lines parts of the stem, up to the next stem', () => {
    const text =
      'For each request received in 2023, please provide:\nThe date received;\nThe subject.\nIn addition, please supply:\nThe FOI policy;';
    expect(split(text)).toEqual([
      '1 | For each request received in 2023, please provide:',
      '  1.1 | The date received;',
      '  1.2 | The subject.',
      '2 | In addition, please supply:',
      '  2.1 | The FOI policy;',
    ]);
    expect(notes(text)[0]).toBe(
      "Treated the 2 lines after 'For each request received in 2023, please…' as its parts.",
    );
  });

  it('a numbered stem takes the lines too; a line ending "?" after the parts is a question of its own', () => {
    expect(
      split('1. Please provide, for each incident:\nthe date;\nthe type.\n2. Is there insurance?'),
    ).toEqual([
      '1 | Please provide, for each incident:',
      '  1.1 | the date;',
      '  1.2 | the type.',
      '2 | Is there insurance?',
    ]);
    expect(split('For each contract, please provide:\nSupplier\nValue\nWill you retender?')).toEqual([
      '1 | For each contract, please provide:',
      '  1.1 | Supplier',
      '  1.2 | Value',
      '2 | Will you retender?',
    ]);
  });

  it('a line asking for "the following" with no colon is a stem over the bullets under it', () => {
    expect(
      split('Please provide the following about the switchboard contract\n- Supplier\n- Annual cost'),
    ).toEqual([
      '1 | Please provide the following about the switchboard contract',
      '  1.1 | Supplier',
      '  1.2 | Annual cost',
    ]);
  });

  it('a lead-in with nothing of its own over questions is left out', () => {
    const text = 'Please can you tell me:\n• How much was spent?\n• Who supplied it?';
    expect(split(text)).toEqual(['1 | How much was spent?', '2 | Who supplied it?']);
    expect(notes(text)).toEqual([
      "Left out the lead-in 'Please can you tell me:'; the questions under it are numbered on their own.",
    ]);
    // …and over lettered items, the letters are the questions.
    expect(split('Under the EIR, please provide:\n(a) the tonnage;\n(b) the cost.')).toEqual([
      'a | the tonnage;',
      'b | the cost.',
    ]);
  });
});

describe('unnumbered prose', () => {
  it('makes each request sentence a question, even one ending with a full stop', () => {
    const text =
      'I am writing to request information about parking.\n\nCan you provide the income for 2023. Please break this down by site. Can you also provide the number of fines issued.\n\nI look forward to hearing from you.';
    expect(split(text)).toEqual([
      '1 | Can you provide the income for 2023. Please break this down by site.',
      '2 | Can you also provide the number of fines issued.',
    ]);
    expect(notes(text)).toEqual([
      'The request has no numbered questions; check the proposal and split it where needed.',
      "Left out the preamble 'I am writing to request information about…' (it asks nothing).",
    ]);
  });

  it('keeps a question mark inside brackets, "e.g." and initials inside their sentence', () => {
    expect(
      split('Are there rules (for example, a time limit?) for drop-offs? Who set them, e.g. Dr. Smith?'),
    ).toEqual([
      '1 | Are there rules (for example, a time limit?) for drop-offs?',
      '2 | Who set them, e.g. Dr. Smith?',
    ]);
  });

  it('keeps a statement that asks nothing out, with a note, and a question about response times in', () => {
    const text =
      'The Trust changed contractor in 2023.\n\nWhat was the average ambulance response time in 2023?';
    expect(split(text)).toEqual(['1 | What was the average ambulance response time in 2023?']);
    expect(notes(text)).toContain("Left out 'The Trust changed contractor in 2023.' (it asks nothing).");
  });
});

describe('courtesy and preamble sentences ending "?"', () => {
  it('are dropped after the questions, with a note', () => {
    const text = '1. How many beds?\n\nPlease could you respond as soon as possible?';
    expect(split(text)).toEqual(['1 | How many beds?']);
    expect(notes(text)).toEqual([
      "Dropped the courtesy sentence 'Please could you respond as soon as possible?' (it asks nothing).",
    ]);
    expect(split('1. How many beds?\n\nCould you also confirm receipt of this request?')).toEqual([
      '1 | How many beds?',
    ]);
  });

  it('are dropped before the questions, with a note', () => {
    const text =
      'Could you please treat this email as a request under the Freedom of Information Act?\n\n1. How many beds?';
    expect(split(text)).toEqual(['1 | How many beds?']);
    expect(notes(text)).toEqual([
      "Dropped the opening question 'Could you please treat this email as a request…' (it asks nothing).",
    ]);
    expect(split('Hello, I hope you are well? How many beds are there?')).toEqual([
      '1 | How many beds are there?',
    ]);
  });

  it('a real question after the last one is still kept with it', () => {
    expect(split('1. How many beds?\n\nAnd how many are in use?')).toEqual([
      '1 | How many beds?\nAnd how many are in use?',
    ]);
  });
});

describe('conditional lines', () => {
  it('introduce the numbered items after them, not a part of the question above', () => {
    const text =
      '1. Do you use e-rostering?\nIf the answer to 1 is yes please supply:\n2. The supplier.\n3. The cost.\n4. Do you plan to change it?';
    expect(split(text)).toEqual([
      '1 | Do you use e-rostering?',
      '2 | The supplier.',
      '3 | The cost.',
      '4 | Do you plan to change it?',
    ]);
    expect(notes(text)).toEqual([
      "Read 'If the answer to 1 is yes please supply:' as the condition for questions 2–3, not as a question.",
    ]);
  });

  it('before bullets, stays in the question it qualifies', () => {
    expect(split('1. Have you had a cyber attack?\nIf yes, please provide:\n- the date\n- the cost')).toEqual(
      ['1 | Have you had a cyber attack? If yes, please provide:', '  1.1 | the date', '  1.2 | the cost'],
    );
  });
});

describe('a numbered list that is the columns of one table', () => {
  it('becomes the parts of the question that introduces it, and the list is renumbered', () => {
    const text =
      'For each IT contract please provide:\n1. Supplier name\n2. Annual value\n3. Expiry date\n4. Who signed the contract?';
    expect(split(text)).toEqual([
      '1 | For each IT contract please provide:',
      '  1.1 | Supplier name',
      '  1.2 | Annual value',
      '  1.3 | Expiry date',
      '2 | Who signed the contract?',
    ]);
    expect(notes(text)).toEqual([
      'Treated items 1–3 of the numbered list as parts of question 1 (they list what it asks about), and renumbered the questions.',
    ]);
  });

  it('rows of a Y/N table flattened into the numbering come back under their question', () => {
    expect(
      split(
        '1. Are the following entitled to free parking – indicate Y or N\n2. -disabled people\n3. carers\n4. Who runs the car parks?',
      ),
    ).toEqual([
      '1 | Are the following entitled to free parking – indicate Y or N',
      '  1.1 | disabled people',
      '  1.2 | carers',
      '2 | Who runs the car parks?',
    ]);
  });

  it('but short items after a question that introduces nothing stay questions', () => {
    expect(split('1. Do you have a parking policy?\n2. The policy\n3. The date adopted')).toEqual([
      '1 | Do you have a parking policy?',
      '2 | The policy',
      '3 | The date adopted',
    ]);
  });
});

describe('inline labels', () => {
  it('three or more in order are parts; two limbs stay in the text', () => {
    expect(split('1. How many fines in (a) 2021, (b) 2022 and (c) 2023 (NB calendar years)?')).toEqual([
      '1 | How many fines in (a) 2021, (b) 2022 and (c) 2023 (NB calendar years)?',
      '  1(a) | 2021',
      '  1(b) | 2022',
      '  1(c) | 2023',
    ]);
    expect(split('1. Are you (a) planning it and (b) by when?')).toEqual([
      '1 | Are you (a) planning it and (b) by when?',
    ]);
    expect(split('1. How many hospital(s) and (s) sites?')).toEqual([
      '1 | How many hospital(s) and (s) sites?',
    ]);
  });
});

describe('a list item broken off the one before', () => {
  it('is kept but flagged for the officer to merge', () => {
    const text = '1. Please can you include any portals used and/or\n2. any consultants used.\n3. Who?';
    expect(split(text)).toHaveLength(3);
    expect(notes(text)).toEqual([
      "Question 2 ('any consultants used.') reads as the end of question 1's sentence; merge them if so.",
    ]);
    expect(notes('1. the tonnage;\n2. the cost; and\n3. the number of fines.')).toEqual([]);
  });
});

describe('the ends of an email', () => {
  it('leaves out the greeting, the sign-off and the WhatDoTheyKnow footer', () => {
    const text = [
      'Dear Leeds City Council,',
      '',
      '1) How many electric vehicles?',
      '',
      '-------------------------------------------------------------------',
      '',
      'Please use this email address for all replies to this request:',
      'request-1-abcd@whatdotheyknow.com',
      '',
      'Is request-1-abcd@whatdotheyknow.com the wrong address for Freedom of Information requests to Leeds City Council?',
    ].join('\n');
    expect(split(text)).toEqual(['1 | How many electric vehicles?']);
    expect(notes(text)).toEqual(['Left out the WhatDoTheyKnow footer.']);
    expect(split('1. How many?\n\nYours faithfully,\nJo\n\n2. Not a question of the request?')).toEqual([
      '1 | How many?',
    ]);
  });
});

describe('more label forms', () => {
  it('reads "1a." as a part of 1, "Question 1" alone on its line, and "i) ii)" as a roman list', () => {
    expect(split('1. Is there a policy?\n1a. When was it reviewed?\n2. Who wrote it?')).toEqual([
      '1 | Is there a policy?',
      '  1(a) | When was it reviewed?',
      '2 | Who wrote it?',
    ]);
    expect(split('Question 1\nHow many nurses left?\n\nQuestion 2\nHow many joined?')).toEqual([
      '1 | How many nurses left?',
      '2 | How many joined?',
    ]);
    expect(split('i) How many events?\nii) How long?\niii) Any notices?')).toEqual([
      'i | How many events?',
      'ii | How long?',
      'iii | Any notices?',
    ]);
    // After (h), (i) is still a letter.
    expect(
      split(
        '1. Q?\n' +
          'abcdefgh'
            .split('')
            .map((l) => `(${l}) x`)
            .join('\n') +
          '\n(i) y',
      ).at(-1),
    ).toBe('  1(i) | y');
  });

  it('reads Word\'s "o" bullet as the level under "•", pasted flush left', () => {
    expect(
      split('•\tHow much was spent?\no\tthrough agencies\no\tthrough the bank\n•\tHow many shifts?'),
    ).toEqual([
      '1 | How much was spent?',
      '  1.1 | through agencies',
      '  1.2 | through the bank',
      '2 | How many shifts?',
    ]);
  });

  it('reads inline "(1) … (2) … (3)" as parts, and "I would also like …" as a request of its own', () => {
    expect(split('Please provide (1) the fines, (2) the income and (3) the wardens.')).toEqual([
      '1 | Please provide (1) the fines, (2) the income and (3) the wardens.',
      '  1.1 | the fines',
      '  1.2 | the income',
      '  1.3 | the wardens',
    ]);
    expect(
      split('I would like to know how many were decided. I would also like a copy of the guidance.'),
    ).toEqual([
      '1 | I would like to know how many were decided.',
      '2 | I would also like a copy of the guidance.',
    ]);
  });
});
