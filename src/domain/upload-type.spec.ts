import { sniffUploadType } from './upload-type.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('upload types by content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffUploadType(Buffer.from('%PDF-1.7\n'))).toEqual({ mime: 'application/pdf', ext: 'pdf' });
    expect(sniffUploadType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(sniffUploadType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toEqual({
      mime: 'image/png',
      ext: 'png',
    });
  });

  it('refuses anything else, whatever it is called', () => {
    expect(sniffUploadType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffUploadType(Buffer.from('PK\u0003\u0004'))).toBeNull(); // a .docx or .zip
    expect(sniffUploadType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull(); // a truncated PNG signature
    expect(sniffUploadType(bytes())).toBeNull();
  });
});
