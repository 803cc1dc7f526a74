import { describe, expect, it } from 'vitest';
import { sniffAttachment } from './attachment-kinds.js';

describe('attachment sniffing', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    ['a JPEG photo', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    ['an iPhone HEIC', Buffer.concat([Buffer.alloc(4), Buffer.from('ftypheic')]), 'image/heic'],
    ['an XML with BOM', Buffer.from('\uFEFF<?xml version="1.0"?><cfdi:Comprobante/>'), 'application/xml'],
  ])('recognizes %s by its bytes', (_label, bytes, contentType) => {
    expect(sniffAttachment(bytes)?.contentType).toBe(contentType);
  });

  it('refuses anything else, whatever its name says', () => {
    expect(sniffAttachment(Buffer.from('MZ\x90\x00 executable'))).toBeNull();
    expect(sniffAttachment(Buffer.from('hola'))).toBeNull();
  });
});
