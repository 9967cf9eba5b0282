/**
 * The .docx package as Word would find it: each pattern that makes Word offer a repair (or treat
 * the letter unlike one it saved itself), checked in the XML of exported seed letters.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/case-format';
import { renderLetterDocx } from '../../../templates/index';
import { blockBeforeSignature } from '../../../templates/render-docx';
import { xmlProblem } from '../../integration/letters/helpers';
import { hpft, letter, walton } from './fixtures';

type Parts = Record<string, string>;

async function exported(c: ReturnType<typeof walton>, templateId: string, org?: Organisation) {
  const bytes = await renderLetterDocx(letter(c.c, org ?? c.org, templateId), org ?? c.org);
  const entries = unzipSync(bytes);
  const parts: Parts = {};
  for (const [name, data] of Object.entries(entries)) parts[name] = strFromU8(data);
  return { bytes, names: Object.keys(entries), parts };
}

const elements = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
const attr = (xml: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];

let foi4951: Awaited<ReturnType<typeof exported>>;
let foi2774: Awaited<ReturnType<typeof exported>>;

beforeAll(async () => {
  foi4951 = await exported(walton(), 'refusal');
  foi2774 = await exported(hpft(), 'partial-disclosure');
});

describe.each([
  ['FOI 4951 (no footnotes)', () => foi4951],
  ['FOI 2774 (a real footnote)', () => foi2774],
])('%s', (_name, get) => {
  it('has well-formed XML in every part, the content types first', () => {
    const { names, parts } = get();
    expect(names[0]).toBe('[Content_Types].xml');
    for (const [name, xml] of Object.entries(parts)) {
      if (name.endsWith('.xml') || name.endsWith('.rels'))
        expect([name, xmlProblem(xml)]).toEqual([name, undefined]);
    }
  });

  it('writes the separator footnotes and endnotes as Word does: no reference mark, ids -1 and 0', () => {
    const { parts } = get();
    for (const kind of ['footnote', 'endnote'] as const) {
      const notes = elements(parts[`word/${kind}s.xml`]!, `w:${kind}`);
      const special = notes.filter((n) => /w:type="(separator|continuationSeparator)"/.test(n));
      expect(special.map((n) => [attr(n, 'w:type'), attr(n, 'w:id')])).toEqual([
        ['separator', '-1'],
        ['continuationSeparator', '0'],
      ]);
      for (const n of special) expect(n).not.toContain(`<w:${kind}Ref/>`);
      expect(special[0]).toContain('<w:separator/>');
      expect(special[1]).toContain('<w:continuationSeparator/>');
      // A real note keeps its mark.
      for (const n of notes.filter((x) => !x.includes('w:type='))) expect(n).toContain(`<w:${kind}Ref/>`);
    }
    const settings = parts['word/settings.xml']!;
    expect(settings).toContain('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>');
    expect(settings.indexOf('<w:footnotePr>')).toBeLessThan(settings.indexOf('<w:compat>'));
  });

  it('gives every PAGE and NUMPAGES field a cached result', () => {
    const { parts } = get();
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    let fields = 0;
    for (const name of Object.keys(parts).filter((n) => /^word\/[^/]+\.xml$/.test(n))) {
      const xml = parts[name]!;
      const re =
        /<w:instrText[^>]*>\s*(PAGE|NUMPAGES)\b[^<]*<\/w:instrText>([\s\S]*?)<w:fldChar w:fldCharType="end"\/>/g;
      for (const m of xml.matchAll(re)) {
        fields += 1;
        const [before, after] = m[2]!.split('<w:fldChar w:fldCharType="separate"/>');
        expect(before, `${name} ${m[1]}`).toBeDefined();
        expect(after, `${name} ${m[1]}: result`).toMatch(/<w:t>\d+<\/w:t>/);
      }
    }
    expect(fields).toBe(footers.length * 2); // "Page X of Y" in each footer
  });

  it('sets British English on the document defaults and the theme fonts', () => {
    const styles = get().parts['word/styles.xml']!;
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>');
    // No style takes it back to another language.
    expect(styles.match(/<w:lang /g)).toHaveLength(1);
    expect(get().parts['word/settings.xml']).toContain('<w:themeFontLang w:val="en-GB"');
  });

  it('has Strong as Word has it, a character style, and defines every style it bases or links', () => {
    const styles = elements(get().parts['word/styles.xml']!, 'w:style');
    const types = new Map(styles.map((s) => [attr(s, 'w:styleId')!, attr(s, 'w:type')!]));
    expect(types.get('Strong')).toBe('character');
    expect(types.get('DefaultParagraphFont')).toBe('character');
    const dpf = styles.find((s) => attr(s, 'w:styleId') === 'DefaultParagraphFont')!;
    expect(dpf).toContain('w:default="1"');
    expect(dpf).toContain('<w:name w:val="Default Paragraph Font"/>');
    for (const s of styles) {
      const id = attr(s, 'w:styleId');
      for (const ref of ['basedOn', 'next', 'link']) {
        const target = new RegExp(`<w:${ref} w:val="([^"]*)"/>`).exec(s)?.[1];
        if (target === undefined) continue;
        expect([id, ref, types.has(target)]).toEqual([id, ref, true]);
        if (ref === 'basedOn') expect([id, types.get(target)]).toEqual([id, types.get(id!)]);
      }
    }
    // And every style the text uses is defined, as the right kind.
    for (const [name, xml] of Object.entries(get().parts)) {
      if (!/^word\/[^/]+\.xml$/.test(name)) continue;
      for (const m of xml.matchAll(/<w:(pStyle|rStyle) w:val="([^"]*)"\/>/g)) {
        expect([name, m[2], types.get(m[2]!)]).toEqual([
          name,
          m[2],
          m[1] === 'pStyle' ? 'paragraph' : 'character',
        ]);
      }
    }
  });

  it('has a font table with every font the letter names, with its PANOSE and family', () => {
    const { parts } = get();
    const table = parts['word/fontTable.xml']!;
    const fonts = new Map(elements(table, 'w:font').map((f) => [attr(f, 'w:name')!, f]));
    const named = new Set<string>();
    for (const [name, xml] of Object.entries(parts)) {
      if (!/^word\/[^/]+\.xml$/.test(name)) continue;
      for (const r of xml.matchAll(/<w:rFonts\b[^>]*\/>/g)) {
        for (const m of r[0].matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)) named.add(m[1]!);
      }
    }
    expect(named.size).toBeGreaterThan(0);
    for (const f of named) expect([f, fonts.has(f)]).toEqual([f, true]);
    expect(fonts.get('Arial')).toContain('<w:panose1 w:val="020B0604020202020204"/>');
    expect(fonts.get('Arial')).toContain('<w:family w:val="swiss"/>');
    expect(fonts.get('Courier New')).toContain('<w:pitch w:val="fixed"/>');
    expect(fonts.has('Times New Roman')).toBe(true);
    for (const f of fonts.values())
      expect(f).toMatch(/<w:charset w:val="[0-9A-F]{2}"\/><w:family w:val="\w+"\/>/);
  });

  it('keeps the paragraph before the sign-off with it, and the sign-off together', () => {
    const paragraphs = elements(get().parts['word/document.xml']!, 'w:p');
    const first = paragraphs.findIndex((p) => p.includes('<w:pStyle w:val="FOISignature"/>'));
    expect(first).toBeGreaterThan(0);
    expect(paragraphs[first - 1]).toContain('<w:keepNext/>');
    const styles = get().parts['word/styles.xml']!;
    const signature = elements(styles, 'w:style').find((s) => s.includes('w:styleId="FOISignature"'))!;
    expect(signature).toContain('<w:keepNext/>');
    expect(signature).toContain('<w:keepLines/>');
    // Only that one paragraph of the body is held to the next by hand.
    const byHand = paragraphs.filter((p) => p.includes('<w:keepNext/>'));
    expect(byHand).toHaveLength(1);
  });
});

describe('the package', () => {
  it('lists a font it knows nothing about, as Word does (family auto)', async () => {
    const w = walton();
    const { parts } = await exported(w, 'refusal', { ...w.org, font: 'Frutiger 45 Light' });
    const table = parts['word/fontTable.xml']!;
    expect(table).toContain(
      '<w:font w:name="Frutiger 45 Light"><w:charset w:val="00"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>',
    );
  });

  it('strips direction controls from the requester’s name and address', async () => {
    const w = walton();
    const c = {
      ...w.c,
      requester: {
        ...w.c.requester,
        name: 'Ada \u202eecalevoL\u202c',
        address: 'Flat 3\u200f, 12 \u2067Road\u2069',
      },
    };
    const { parts } = await exported({ c, org: w.org }, 'refusal');
    const doc = parts['word/document.xml']!;
    expect(doc).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(doc).toContain('Ada ecalevoL');
    expect(doc).toContain('Flat 3, 12 Road');
  });
});

describe('blockBeforeSignature', () => {
  it('finds the block before the first sign-off paragraph, or none', () => {
    const p = (role?: 'signature') => ({ type: 'paragraph' as const, ...(role ? { attrs: { role } } : {}) });
    expect(blockBeforeSignature([p(), p(), p('signature'), p('signature')])).toBe(1);
    expect(blockBeforeSignature([p('signature')])).toBe(-1);
    expect(blockBeforeSignature([p(), p()])).toBe(-1);
  });
});
