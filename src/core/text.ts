/** Cutting text to a size measured the way its destination measures it. */

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length <= maxBytes) return text
  let end = Math.max(0, maxBytes)
  // Step back over continuation bytes (10xxxxxx) to the start of a character.
  while (end > 0 && (bytes.readUInt8(end) & 0xc0) === 0x80) end -= 1
  return bytes.subarray(0, end).toString('utf8')
}

/**
 * `text`, or its first `maxLength - 1` characters and an ellipsis when it is longer: for quoting a
 * value in a message. Counted in code points, so that an emoji is never cut in half.
 */
export function abbreviate(text: string, maxLength: number): string {
  const characters = Array.from(text)
  return characters.length > maxLength
    ? `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}…`
    : text
}
