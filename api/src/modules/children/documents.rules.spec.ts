import { checkDocument, defaultVisibility, MAX_DOCUMENT_BYTES } from './documents.rules';

const pdf = Buffer.from('%PDF-1.7\n...');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('document limits', () => {
  it.each([
    [pdf, 'application/pdf', { ok: true, contentType: 'application/pdf' }],
    [png, 'image/png', { ok: true, contentType: 'image/png' }],
    [jpeg, 'image/jpeg', { ok: true, contentType: 'image/jpeg' }],
    [Buffer.alloc(0), 'application/pdf', { ok: false, field: 'content', error: 'notEmpty' }],
    [Buffer.concat([pdf, Buffer.alloc(MAX_DOCUMENT_BYTES)]), 'application/pdf', { ok: false, field: 'content', error: 'maxSize' }],
    [Buffer.from('MZ\x90\x00 an executable'), 'application/pdf', { ok: false, field: 'contentType', error: 'allowedType' }],
    [png, 'application/pdf', { ok: false, field: 'contentType', error: 'matchesContent' }],
  ])('case %#', (bytes, type, expected) => expect(checkDocument(bytes, type)).toEqual(expected));

  it.each([
    ['specialist_report', 'restricted'],
    ['decision', 'case_team'],
    ['commission_opinion', 'case_team'],
    ['signed_plan', 'case_team'],
  ])('%s is %s by default', (kind, visibility) => expect(defaultVisibility(kind)).toBe(visibility));
});
