/**
 * Everything the CLI (and the main process) needs to make a letter: the shipped templates and
 * paragraphs, the letter builder and the Word renderer.
 */
export {
  buildLetter,
  suggestTemplateId,
  letterValues,
  withholdsInformation,
  type BuildLetterInput,
} from '../shared/letter/build';
export { letterFileName, safeFileNamePart } from '../shared/letter/file-name';
export { cleanForWord } from '../shared/letter/clean';
export { fillPlaceholders } from '../shared/letter/placeholders';
export {
  letterDocumentSchema,
  letterTemplateSchema,
  standardParagraphSchema,
  LAYOUTS,
  type LetterDocument,
  type LetterLayout,
  type LetterMeta,
  type LetterTemplate,
  type StandardParagraph,
} from '../shared/letter/template';
export { parseDoc, docSchema, type DocNode } from '../shared/letter/doc';
export {
  defaultTemplates,
  defaultParagraphs,
  listTemplates,
  listParagraphs,
  getTemplate,
  defaultTemplate,
  defaultParagraph,
} from './defaults';
export { renderLetterDocx, letterToDocx, DOCX_STYLES, type RenderDocxOptions } from './render-docx';
