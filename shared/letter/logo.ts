/**
 * The letterhead logo: a PNG or JPEG, recognised by its bytes (never by a file name or a type the
 * page claims), small enough to sit in every letter. Pure, so the page and main check it alike.
 */

/** Larger than any letterhead logo needs; a photograph pasted by mistake is refused. */
export const MAX_LOGO_BYTES = 512 * 1024;
/** Width and height in pixels beyond which the image is not a logo. */
const MAX_LOGO_PIXELS = 10_000;

export type LogoType = 'image/png' | 'image/jpeg';

export interface LogoInfo {
  type: LogoType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u16(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}

function pngInfo(b: Uint8Array): LogoInfo | string {
  // The first chunk of every PNG is IHDR: length 13, then width and height.
  if (b.length < 33 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR')
    return 'The PNG file is damaged (it has no image header).';
  return { type: 'image/png', width: u32(b, 16), height: u32(b, 20) };
}

/** Walks the JPEG's segments to its frame header (SOFn), which holds the size. */
function jpegInfo(b: Uint8Array): LogoInfo | string {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return 'The JPEG file is damaged.';
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = u16(b, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { type: 'image/jpeg', height: u16(b, i + 5), width: u16(b, i + 7) };
    if (marker === 0xda || length < 2) break;
    i += 2 + length;
  }
  return 'The JPEG file is damaged (no image size found).';
}

/** What the bytes are, or why they cannot be the logo. */
export function inspectLogo(bytes: Uint8Array): LogoInfo | string {
  if (bytes.length === 0) return 'The logo file is empty.';
  if (bytes.length > MAX_LOGO_BYTES)
    return `The logo is too large (${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB).`;
  let info: LogoInfo | string;
  if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) info = pngInfo(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) info = jpegInfo(bytes);
  else return 'The logo must be a PNG or JPEG image.';
  if (typeof info === 'string') return info;
  if (info.width < 1 || info.height < 1 || info.width > MAX_LOGO_PIXELS || info.height > MAX_LOGO_PIXELS)
    return 'The logo has an impossible size.';
  return info;
}

/**
 * The size the logo is printed at in the first-page header, in pixels at 96 dpi (what the `docx`
 * library takes): at most 4 cm high and 8 cm wide, never enlarged, proportions kept.
 */
export function logoPrintSize(info: Pick<LogoInfo, 'width' | 'height'>): { width: number; height: number } {
  const maxHeight = 151; // 4 cm
  const maxWidth = 302; // 8 cm
  const scale = Math.min(1, maxHeight / info.height, maxWidth / info.width);
  return {
    width: Math.max(1, Math.round(info.width * scale)),
    height: Math.max(1, Math.round(info.height * scale)),
  };
}
