/** What an uploaded file is, from its first bytes (never from its name or declared type). */
export type SniffedFile =
  | { kind: 'cfdi_xml'; contentType: 'application/xml' }
  | {
      kind: 'cfdi_pdf' | 'receipt';
      contentType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';
    };

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

/** PDF, JPEG, PNG, WebP, HEIC photos and XML; anything else is refused (null). */
export function sniffAttachment(bytes: Buffer): SniffedFile | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { kind: 'cfdi_pdf', contentType: 'application/pdf' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'receipt', contentType: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'receipt', contentType: 'image/png' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { kind: 'receipt', contentType: 'image/webp' };
  }
  const brand = bytes.subarray(4, 12).toString('latin1');
  if (brand === 'ftypheic' || brand === 'ftypheix' || brand === 'ftypmif1')
    return { kind: 'receipt', contentType: 'image/heic' };
  const text = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return { kind: 'cfdi_xml', contentType: 'application/xml' };
  return null;
}
