/**
 * What a file's first bytes say it is, the one check every reader of .xlsx makes before anything
 * else: a zip package (an .xlsx, or something else zipped), an OLE compound file (a legacy .xls, or
 * a password-protected .xlsx, which Office encrypts into one), or neither.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export type FileSignature = 'zip' | 'ole' | 'other';

export function fileSignature(bytes: Uint8Array): FileSignature {
  const starts = (magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
  return starts(ZIP) ? 'zip' : starts(OLE) ? 'ole' : 'other';
}
