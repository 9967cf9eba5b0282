/**
 * The one-page committee report (.docx): the letters' styles and letterhead (render-docx.ts), the
 * headline figures as a table, the ICO band, the charts the page drew (PNG), and the definition of
 * "in time". A pure function of the report, the organisation and the chart images.
 */
import {
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Organisation } from '../shared/case-format';
import { cleanForWord } from '../shared/letter/clean';
import { formatUkDate } from '../shared/dates';
import { BACKLOG_LABELS, ICO_BAND_LABELS, type ChartImage, type StatsReport } from '../shared/stats';
import {
  DOCX_STYLES,
  MARGIN,
  PAGE,
  fontName,
  letterheadParagraphs,
  pageFooter,
  paragraphStyles,
} from './render-docx';

const S = DOCX_STYLES;
const text = (t: string, bold = false) => new TextRun({ text: cleanForWord(t), bold });
const para = (t: string, style: string = S.body.id, bold = false) =>
  new Paragraph({ style, children: [text(t, bold)] });

function figureTable(rows: [string, string][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'B0B7BF' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: rows.map(
      ([label, value], i) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 75, type: WidthType.PERCENTAGE },
              children: [para(label, S.body.id, i === 0)],
            }),
            new TableCell({
              width: { size: 25, type: WidthType.PERCENTAGE },
              children: [para(value, S.body.id, i === 0)],
            }),
          ],
        }),
    ),
  });
}

/** PNG width and height from its header, to keep a chart's proportions. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24 || bytes.readUInt32BE(12) !== 0x49484452) return { width: 600, height: 300 };
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function statsReportDocx(
  report: StatsReport,
  organisation: Organisation | undefined,
  charts: ChartImage[],
) {
  const org: Organisation = organisation ?? {
    format: 'foi-desk/organisation@1',
    name: 'FOI Desk',
    addressLines: [],
  };
  const font = fontName(org);
  const m = report.main;
  const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);
  const sel = report.selection;
  const scope = [
    sel.regime,
    sel.officer && `officer ${sel.officer}`,
    sel.department && `department ${sel.department}`,
  ]
    .filter(Boolean)
    .join(', ');
  const headline: [string, string][] = [
    ['Figure', 'Number'],
    ['Requests received', String(m.received)],
    ['Answered within the statutory time', String(m.answeredWithinStatutory)],
    ['Answered within a lawful extension', String(m.answeredWithinExtension)],
    ['Answered late', String(m.answeredLate)],
    ['Open and past due', String(m.openPastDue)],
    ['Withdrawn or lapsed (left out)', String(m.withdrawn)],
    ['Percentage in time', pct(m.percentInTime)],
    [
      'Subject access requests received / in time / late',
      `${report.sar.received} / ${report.sar.answeredInTime} / ${report.sar.answeredLate}`,
    ],
    [
      'Internal reviews received / upheld / overturned',
      `${report.reviews.received} / ${report.reviews.upheld} / ${report.reviews.overturned}`,
    ],
    [`Backlog past due on ${formatUkDate(report.backlog.asOf)}`, String(report.backlog.total)],
    [`  of which ${BACKLOG_LABELS.overYear.toLowerCase()}`, String(report.backlog.overYear)],
  ];
  // Two charts side by side fit the page with the table: each gets half the text width.
  const images = charts.slice(0, 3).map((c) => {
    const bytes = Buffer.from(c.png, 'base64');
    const size = pngSize(bytes);
    const width = charts.length > 1 ? 300 : 560;
    const height = Math.round((width * size.height) / Math.max(size.width, 1));
    return new Paragraph({
      style: S.body.id,
      children: [
        new ImageRun({
          type: 'png',
          data: bytes,
          transformation: { width, height },
          altText: { name: c.title, description: c.title, title: c.title },
        }),
      ],
    });
  });
  return new Document({
    creator: cleanForWord(org.name),
    title: 'Information rights statistics',
    styles: {
      default: { document: { run: { font, size: 20 } } },
      paragraphStyles: paragraphStyles(font, 20),
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        headers: { default: new Header({ children: letterheadParagraphs(org) }) },
        footers: { default: pageFooter() },
        children: [
          para('Information rights statistics', S.subject.id, true),
          para(
            `Requests received ${formatUkDate(sel.from)} to ${formatUkDate(sel.to)}${scope ? ` (${scope})` : ''}; figures as at ${formatUkDate(report.today)}.`,
          ),
          para(
            `ICO band: ${report.band ? ICO_BAND_LABELS[report.band] : 'nothing to judge yet'} — ${pct(m.percentInTime)} in time.`,
            S.heading.id,
          ),
          figureTable(headline),
          ...images,
          para(report.definition, S.footer.id),
        ],
      },
    ],
  });
}

export async function renderStatsReport(
  report: StatsReport,
  organisation: Organisation | undefined,
  charts: ChartImage[],
): Promise<Buffer> {
  return Packer.toBuffer(statsReportDocx(report, organisation, charts));
}
