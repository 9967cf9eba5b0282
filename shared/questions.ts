/**
 * Questions of a request: the splitter that proposes them (`questions/split.ts`, with the reading
 * of lines and sentences in `questions/reading.ts`) and the editor's operations on them
 * (`questions/editor.ts`). Callers import from here.
 */
export { proposeQuestions, type Proposal } from './questions/split';
export * from './questions/editor';
