/**
 * Bytes of an input as text (internal), decoded as kubectl decodes them.
 */

/**
 * The text of a file or of stdin, decoded as kubectl decodes it (cli-runtime's file visitor): UTF-16 LE or BE
 * when it starts with their byte order mark (what Windows PowerShell's `>` writes), else UTF-8, a leading
 * UTF-8 BOM dropped. Invalid sequences become U+FFFD, as in Go's decoder.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return bytes.subarray(2).toString('utf16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = bytes.length - (bytes.length % 2);
    return Buffer.from(bytes.subarray(2, even)).swap16().toString('utf16le');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.subarray(start).toString('utf8');
}
