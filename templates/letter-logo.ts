/**
 * The letterhead logo in the first-page header of a .docx: one paragraph holding the image, at the
 * size shared/letter/logo.ts logoPrintSize gives, right-aligned above the letterhead text. Kept apart
 * from render-docx.ts, which only calls it.
 */
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { logoPrintSize, type LogoInfo } from '../shared/letter/logo';

export interface LetterLogo {
  bytes: Uint8Array;
  info: LogoInfo;
}

export function logoParagraph(logo: LetterLogo, organisationName: string): Paragraph {
  const size = logoPrintSize(logo.info);
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: logo.info.type === 'image/png' ? 'png' : 'jpg',
        data: logo.bytes,
        transformation: size,
        altText: { name: 'Logo', description: `${organisationName} logo`, title: 'Logo' },
      }),
    ],
  });
}
