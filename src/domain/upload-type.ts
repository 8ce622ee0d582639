// Scanned signed copies of a case's forms: PDF, JPEG or PNG, recognised by their first bytes, never by
// the name or the type the browser claims.
export interface UploadType {
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  ext: 'pdf' | 'jpg' | 'png';
}

const SIGNATURES: { magic: number[]; type: UploadType }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { mime: 'application/pdf', ext: 'pdf' } }, // %PDF-
  { magic: [0xff, 0xd8, 0xff], type: { mime: 'image/jpeg', ext: 'jpg' } },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { mime: 'image/png', ext: 'png' } },
];

/** The first bytes needed to tell the types apart. */
export const SNIFF_BYTES = 8;

export function sniffUploadType(head: Uint8Array): UploadType | null {
  const found = SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte));
  return found ? { ...found.type } : null;
}
