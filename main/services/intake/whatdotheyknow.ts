/**
 * Requests sent through WhatDoTheyKnow (mySociety's Alaveteli): they come from an address of the
 * form request-<id>-<8 hex>@whatdotheyknow.com, and end with the site's footer (Alaveteli's
 * outgoing_mailer/initial_request template): a rule of dashes, "Please use this email address for
 * all replies to this request:", the address, "Is <address> the wrong address for Freedom of
 * Information requests to <authority>? …", then "Disclaimer: This message and any reply that you
 * make will be published on the internet. …" and a closing rule. The footer is not part of the
 * request, so it is left out of the request text (and of the questions proposed from it).
 */

const ADDRESS = /^request-(\d+)-([0-9a-f]{8})@whatdotheyknow\.com$/i;

/** The request's number on WhatDoTheyKnow, when `address` is one of its request addresses. */
export function whatDoTheyKnowRequest(address: string | null | undefined): string | null {
  const m = ADDRESS.exec((address ?? '').trim());
  return m ? (m[1] ?? null) : null;
}

export const WHATDOTHEYKNOW_CATEGORY = 'WhatDoTheyKnow';
export const WHATDOTHEYKNOW_NOTE =
  'Made through WhatDoTheyKnow: the reply and anything sent with it will be published on whatdotheyknow.com. Reply to the request address, and check the response for personal data before sending.';

const FOOTER_STARTS = [
  /^Please use this email address for all replies to this request:?\s*$/im,
  /^Disclaimer: This message and any reply that you make will be published on the internet\b/im,
  /^Is \S+@\S+ the wrong address for .+ requests to /im,
];

/** The text without WhatDoTheyKnow's footer (and the rule of dashes above it); unchanged without one. */
export function stripWhatDoTheyKnowFooter(text: string): { text: string; stripped: boolean } {
  let cut = -1;
  for (const pattern of FOOTER_STARTS) {
    const m = pattern.exec(text);
    if (m && (cut < 0 || m.index < cut)) cut = m.index;
  }
  if (cut < 0) return { text, stripped: false };
  let head = text.slice(0, cut);
  // The rule of dashes (and blank lines) just above the footer goes with it.
  head = head.replace(/(?:\n|^)[ \t]*-{10,}[ \t]*\s*$/, '');
  return { text: head.replace(/\s+$/, ''), stripped: true };
}

/** "Freedom of Information request - Agency staff" → "Agency staff" (WhatDoTheyKnow's subjects). */
export function subjectWithoutPrefix(subject: string): string {
  const m = /^(?:Freedom of Information|FOI|Environmental Information|EIR)\s+request\s*[-–:]\s*(.+)$/i.exec(
    subject.trim(),
  );
  return (m?.[1] ?? subject).trim();
}
