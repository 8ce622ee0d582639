// fontkit 2 ships no types: the part the PDF renderer hands to pdf-lib (see src/reports/pdf-fonts.ts).
declare module 'fontkit' {
  export interface Subset {
    encode(): Uint8Array;
    encodeStream?: () => unknown;
  }
  export interface Font {
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array): Font;
}
