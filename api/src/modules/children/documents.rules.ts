/** Size and type limits of child documents, checked on the bytes themselves (not on what the client claims). */

export const MAX_DOCUMENT_BYTES = 700 * 1024;

const SIGNATURES: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];
export const ALLOWED_DOCUMENT_TYPES = SIGNATURES.map((s) => s.type);

export function detectType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.type ?? null;
}

export function checkDocument(bytes: Uint8Array, declaredType: string): { ok: true; contentType: string } | { ok: false; field: 'content' | 'contentType'; error: string } {
  if (bytes.length === 0) return { ok: false, field: 'content', error: 'notEmpty' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, field: 'content', error: 'maxSize' };
  const detected = detectType(bytes);
  if (!detected) return { ok: false, field: 'contentType', error: 'allowedType' };
  if (declaredType !== detected) return { ok: false, field: 'contentType', error: 'matchesContent' };
  return { ok: true, contentType: detected };
}

/** Specialists' assessments are restricted; everything else is visible to whoever may see the child. */
export function defaultVisibility(kind: string): 'case_team' | 'restricted' {
  return kind === 'specialist_report' ? 'restricted' : 'case_team';
}
