/**
 * Finishes the .docx package the `docx` library wrote, where the library cannot be told to write
 * what Word itself writes. Each step is a pattern other projects report makes Word say the file
 * "has unreadable content" and offer a repair, or makes Word treat the letter differently from one
 * it saved itself:
 *
 * - the separator and continuation-separator footnotes (ids -1 and 0, as Word numbers them) carry a
 *   footnote reference mark, which only a real footnote has; the same for endnotes;
 * - PAGE and NUMPAGES fields have no result between their `separate` and `end` marks;
 * - "Strong" is a paragraph style, where Word's built-in Strong is a character style;
 * - character styles are based on `DefaultParagraphFont`, which is never defined;
 * - the font table is empty, so Word cannot match or substitute the letter's fonts;
 * - the settings list neither the special footnotes nor the language of the theme fonts.
 *
 * Everything here works on the XML text of known parts, written by one known library, with
 * patterns that match only what that library writes; a part that does not match is left as it is.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The language of the letter's text, for spell-check and hyphenation (British English). */
export const LETTER_LANGUAGE = { value: 'en-GB', eastAsia: 'en-US', bidirectional: 'ar-SA' } as const;

/** One fixed time for every entry: when the letter was made is in docProps/core.xml, not here. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/** Finishes a .docx written by `docx`'s Packer (see the module comment). */
export function finishDocxPackage(bytes: Uint8Array): Buffer {
  const entries = unzipSync(bytes);
  const edit = (name: string, change: (xml: string) => string) => {
    const data = entries[name];
    if (data) entries[name] = strToU8(change(strFromU8(data)));
  };
  edit('word/footnotes.xml', (xml) => plainSeparators(xml, 'footnote'));
  edit('word/endnotes.xml', (xml) => plainSeparators(xml, 'endnote'));
  edit('word/styles.xml', wordBuiltInStyles);
  edit('word/settings.xml', (xml) => wordSettings(xml, 'word/footnotes.xml' in entries));
  for (const name of Object.keys(entries)) {
    if (/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name))
      edit(name, cachedFieldResults);
  }
  const used = fontsUsed(entries);
  edit('word/fontTable.xml', (xml) => fontTable(xml, used));

  // The content types and the package relationships first, as Word writes them.
  const first = ['[Content_Types].xml', '_rels/.rels'];
  const names = [
    ...first.filter((n) => n in entries),
    ...Object.keys(entries).filter((n) => !first.includes(n)),
  ];
  const out: Zippable = {};
  for (const name of names) out[name] = [entries[name]!, { mtime: ZIP_TIME }];
  return Buffer.from(zipSync(out, { level: 6 }));
}

// ---------------------------------------------------------------------------------------------
// Footnote separators

/**
 * Word writes a separator as a paragraph holding only `<w:separator/>` (or
 * `<w:continuationSeparator/>`). `docx` also puts a reference-mark run (`<w:footnoteRef/>`) in
 * them, which belongs only in a real note: drop that run from the two special notes.
 */
export function plainSeparators(xml: string, kind: 'footnote' | 'endnote'): string {
  const note = new RegExp(
    `<w:${kind} w:type="(?:separator|continuationSeparator)"[^>]*>[\\s\\S]*?</w:${kind}>`,
    'g',
  );
  const refRun = new RegExp(`<w:r>(?:<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*</w:rPr>)?<w:${kind}Ref/></w:r>`, 'g');
  return xml.replace(note, (block) => block.replace(refRun, ''));
}

// ---------------------------------------------------------------------------------------------
// Fields

/** What a page-number field shows until Word (or LibreOffice) lays the letter out and updates it. */
const FIELD_PLACEHOLDER_RESULT: Record<string, string> = { PAGE: '1', NUMPAGES: '1', SECTIONPAGES: '1' };

/**
 * A complex field as Word saves it has a result between `separate` and `end` (what it showed when
 * saved). `docx` writes none; give PAGE and NUMPAGES one. Word recalculates page fields in headers
 * and footers whenever it lays out the pages, so the cached "1" is never what a printed page shows.
 */
export function cachedFieldResults(xml: string): string {
  const rPr = '(?:<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*</w:rPr>)?';
  const field = new RegExp(
    `(<w:instrText[^>]*>\\s*([A-Z]+)\\b[^<]*</w:instrText></w:r><w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>)(?=<w:r>${rPr}<w:fldChar w:fldCharType="end"/>)`,
    'g',
  );
  return xml.replace(field, (whole, head: string, name: string) => {
    const result = FIELD_PLACEHOLDER_RESULT[name];
    if (result === undefined) return whole;
    return `${head}<w:r><w:rPr><w:noProof/></w:rPr><w:t>${result}</w:t></w:r>`;
  });
}

// ---------------------------------------------------------------------------------------------
// Styles

/** Word's own definitions, as Word 2016+ writes them in a new document's styles.xml. */
const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';
const STRONG =
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>';

function styleBlocks(xml: string): { id: string; type: string; block: string }[] {
  return [...xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => ({
    block: m[0],
    id: /w:styleId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /w:type="([^"]*)"/.exec(m[0])?.[1] ?? '',
  }));
}

/**
 * "Strong" becomes Word's character style (nothing in a letter uses it as a paragraph style), and
 * `DefaultParagraphFont` is defined, as Word defines it, when any style is based on it.
 */
export function wordBuiltInStyles(xml: string): string {
  let out = xml;
  const strong = styleBlocks(out).find((s) => s.id === 'Strong');
  if (strong && strong.type !== 'character') out = out.replace(strong.block, STRONG);
  const defined = new Set(styleBlocks(out).map((s) => s.id));
  if (!defined.has('DefaultParagraphFont') && out.includes('<w:basedOn w:val="DefaultParagraphFont"/>')) {
    const normal = styleBlocks(out).find((s) => s.id === 'Normal');
    out = normal
      ? out.replace(normal.block, normal.block + DEFAULT_PARAGRAPH_FONT)
      : out.replace('</w:styles>', `${DEFAULT_PARAGRAPH_FONT}</w:styles>`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Settings

/**
 * Word lists the two special footnotes and endnotes in the settings (`footnotePr`, `endnotePr`,
 * just before `compat` in the schema's order) and names the language of the theme fonts after it.
 */
export function wordSettings(xml: string, hasNotes: boolean): string {
  let out = xml;
  if (hasNotes && !out.includes('<w:footnotePr>')) {
    out = out.replace(
      '<w:compat>',
      '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
        '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr><w:compat>',
    );
  }
  if (!out.includes('<w:themeFontLang')) {
    const lang = `<w:themeFontLang w:val="${LETTER_LANGUAGE.value}" w:eastAsia="${LETTER_LANGUAGE.eastAsia}" w:bidi="${LETTER_LANGUAGE.bidirectional}"/>`;
    out = out.includes('</w:compat>')
      ? out.replace('</w:compat>', `</w:compat>${lang}`)
      : out.replace('</w:settings>', `${lang}</w:settings>`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Font table

interface FontFacts {
  panose: string;
  family: 'swiss' | 'roman' | 'modern' | 'script' | 'decorative';
  pitch: 'variable' | 'fixed';
  charset?: string;
}

/**
 * The PANOSE numbers and families Word writes for the fonts letters use, and their metric-compatible
 * Liberation and Croscore twins (same PANOSE), which LibreOffice uses in their place. A font not
 * listed still gets an entry: its family is then "auto", as Word writes for a font it does not have.
 * The optional `w:sig` (Unicode ranges) is left out: Word fills it in from the font when it has it.
 */
const FONT_FACTS: Record<string, FontFacts> = {
  Arial: { panose: '020B0604020202020204', family: 'swiss', pitch: 'variable' },
  'Liberation Sans': { panose: '020B0604020202020204', family: 'swiss', pitch: 'variable' },
  Arimo: { panose: '020B0604020202020204', family: 'swiss', pitch: 'variable' },
  'Times New Roman': { panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
  'Liberation Serif': { panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
  Tinos: { panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
  'Courier New': { panose: '02070309020205020404', family: 'modern', pitch: 'fixed' },
  'Liberation Mono': { panose: '02070409020205020404', family: 'modern', pitch: 'fixed' },
  Cousine: { panose: '02070409020205020404', family: 'modern', pitch: 'fixed' },
  Calibri: { panose: '020F0502020204030204', family: 'swiss', pitch: 'variable' },
  'Calibri Light': { panose: '020F0302020204030204', family: 'swiss', pitch: 'variable' },
  Carlito: { panose: '020F0502020204030204', family: 'swiss', pitch: 'variable' },
  Cambria: { panose: '02040503050406030204', family: 'roman', pitch: 'variable' },
  Verdana: { panose: '020B0604030504040204', family: 'swiss', pitch: 'variable' },
  Tahoma: { panose: '020B0604030504040204', family: 'swiss', pitch: 'variable' },
  'Trebuchet MS': { panose: '020B0603020202020204', family: 'swiss', pitch: 'variable' },
  Georgia: { panose: '02040502050405020303', family: 'roman', pitch: 'variable' },
  'Segoe UI': { panose: '020B0502040204020203', family: 'swiss', pitch: 'variable' },
  'Century Gothic': { panose: '020B0502020202020204', family: 'swiss', pitch: 'variable' },
  Symbol: { panose: '05050102010706020507', family: 'roman', pitch: 'variable', charset: '02' },
};

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Every font the letter names: in its runs and styles (`w:rFonts`), and the theme's heading and
 * body fonts (Word lists those too), Times New Roman last as Word's fallback for unstyled text.
 */
export function fontsUsed(entries: Record<string, Uint8Array>): string[] {
  const fonts = new Set<string>();
  const order = Object.keys(entries).sort((a, b) =>
    a === 'word/styles.xml' ? -1 : b === 'word/styles.xml' ? 1 : 0,
  );
  for (const name of order) {
    if (!/^word\/.*\.xml$/.test(name) || name === 'word/fontTable.xml') continue;
    const xml = strFromU8(entries[name]!);
    if (name.startsWith('word/theme/')) {
      for (const m of xml.matchAll(/<a:latin typeface="([^"]+)"/g)) fonts.add(m[1]!);
      continue;
    }
    for (const m of xml.matchAll(/<w:rFonts\b([^>]*)\/>/g)) {
      for (const a of m[1]!.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)) fonts.add(a[1]!);
    }
  }
  fonts.add('Times New Roman');
  return [...fonts];
}

/** `fontTable.xml` with one `w:font` per font used, keeping the root element `docx` wrote. */
export function fontTable(xml: string, fonts: readonly string[]): string {
  const entries = fonts
    .map((name) => {
      const f = FONT_FACTS[name];
      const facts = f
        ? `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset ?? '00'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>`
        : '<w:charset w:val="00"/><w:family w:val="auto"/><w:pitch w:val="variable"/>';
      return `<w:font w:name="${escapeAttr(name)}">${facts}</w:font>`;
    })
    .join('');
  const root = /<w:fonts\b[^>]*?(\/?)>/.exec(xml);
  if (!root) return xml;
  const open = root[1] === '/' ? root[0].replace(/\s*\/>$/, '>') : root[0];
  const head = xml.slice(0, root.index);
  return `${head}${open}${entries}</w:fonts>`;
}
