/**
 * One visible spelling for every character a reader cannot see or tell apart. Every renderer (diff
 * lines, keys, names in callouts and lists, summaries, log lines) passes text from outside through
 * `visible`, so that a zero-width space, a no-break space, a soft hyphen, a bidi override or a
 * look-alike letter can never make two different values read the same.
 *
 * The escapes are JSON's (`\u200B`, and a surrogate pair for characters beyond the BMP), so inside
 * a JSON string they still mean the same value.
 */

/** Bidi controls (Trojan Source): refused in files and inputs, escaped everywhere else. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u

/**
 * A pattern of Unicode properties, made on first use. Written as a literal, V8 would build its
 * Unicode sets when it parses this module, at every start-up, though ASCII text (most text) never
 * needs them: a millisecond or two for the patterns below.
 */
function unicodePattern(source: string): () => RegExp {
  let pattern: RegExp | undefined
  return () => (pattern ??= new RegExp(source, 'u'))
}

/**
 * Characters that show as nothing, as a space that is not one, or as a line break: default
 * ignorables (zero-width, soft hyphen, bidi, tags, variation selectors), format characters,
 * controls (C0, C1, DEL), non-ASCII spaces and separators, and unassigned or private code points.
 */
const HIDDEN = unicodePattern(
  String.raw`[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]|[^\S ]|\u3164|\u115F|\u1160|\uFFA0`
)

/** Emoji sequences keep their joiners and presentation selectors: they are seen, as the emoji. */
const EMOJI = unicodePattern(String.raw`\p{Extended_Pictographic}`)
const SYMBOL = unicodePattern(String.raw`\p{S}`)
const LETTER = unicodePattern(String.raw`\p{L}`)
/** What a word is made of: letters, marks, digits. */
const WORD_CHARACTER = unicodePattern(String.raw`[\p{L}\p{M}\p{N}]`)
/** Shared by scripts (the Japanese prolonged sound mark): no script of its own to mix. */
const SHARED_SCRIPT = unicodePattern(String.raw`[\p{Script=Common}\p{Script=Inherited}]`)

/**
 * Letters that read as Latin ones in common fonts: Cyrillic and Greek look-alikes, and letters whose
 * compatibility form is ASCII (fullwidth, ligatures, mathematical alphabets). Not exhaustive
 * (Unicode's confusables list is long); the mixed-script rule catches the rest inside a Latin word.
 */
const LOOK_ALIKES = 'аеорсухіјѕԁһԛԝӏАВЕКМНОРСТХЅІЈԚԜοαενρτυικχΑΒΕΖΗΙΚΜΝΟΡΤΥΧɑɡıʏ'

const GROUPS: readonly [string, () => RegExp][] = [
  ['Latin', unicodePattern(String.raw`\p{Script=Latin}`)],
  ['Cyrillic', unicodePattern(String.raw`\p{Script=Cyrillic}`)],
  ['Greek', unicodePattern(String.raw`\p{Script=Greek}`)],
  ['Armenian', unicodePattern(String.raw`\p{Script=Armenian}`)],
  ['Cherokee', unicodePattern(String.raw`\p{Script=Cherokee}`)],
  ['Hebrew', unicodePattern(String.raw`\p{Script=Hebrew}`)],
  ['Arabic', unicodePattern(String.raw`\p{Script=Arabic}`)],
  // Japanese and Korean mix these in one word, and with Latin: one group.
  [
    'CJK',
    unicodePattern(
      String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`
    )
  ]
]

/** The script group of a letter, or undefined for digits, marks and what no group names. */
export function scriptOf(character: string): string | undefined {
  if (!LETTER().test(character)) return undefined
  if (SHARED_SCRIPT().test(character)) return undefined
  for (const [name, pattern] of GROUPS) if (pattern().test(character)) return name
  return 'Other'
}

/** `\u200B`, or two such escapes for a character beyond the BMP, as JSON writes them. */
export function escapeCharacter(character: string): string {
  return [...Array(character.length).keys()]
    .map(i => `\\u${character.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`)
    .join('')
}

/** `U+0430 (Cyrillic)`: a character named for a person. */
export function describeCharacter(character: string): string {
  const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  const script = scriptOf(character)
  return `U+${code}${script && script !== 'Latin' ? ` (${script})` : ''}`
}

function isLookAlike(character: string): boolean {
  if (LOOK_ALIKES.includes(character)) return true
  if (character.charCodeAt(0) < 0x80) return false
  const folded = character.normalize('NFKC')
  return folded !== character && /^[\x21-\x7e]+$/.test(folded)
}

function isHidden(character: string, previous: string | undefined, next: string | undefined) {
  if (character === ' ') return false
  if (!HIDDEN().test(character)) return false
  // A joiner between two emoji, or a presentation selector after a symbol, is part of what shows.
  if (character === '\u200D' && previous && next && EMOJI().test(previous) && EMOJI().test(next)) {
    return false
  }
  if ((character === '\uFE0F' || character === '\uFE0E') && previous && SYMBOL().test(previous)) {
    return false
  }
  return true
}

export interface VisibleOptions {
  /** Keep line feeds (and CR LF) as they are: a renderer that breaks lines itself asks for it. */
  keepLineBreaks?: boolean
  /**
   * Text that is not a JSON string: a backslash that starts what would read as an escape is
   * doubled, so that `\u200B` written in a name cannot pass for the escape of a hidden character.
   */
  plain?: boolean
}

/**
 * The text with every hidden character escaped, and look-alike letters escaped where they could
 * pass for another script's: in a word that mixes scripts (a Cyrillic `о` in a Latin host name),
 * the letters not of the word's main script; in a word made only of ASCII and look-alikes (a host
 * name written wholly in Cyrillic look-alikes), the look-alikes.
 */
export function visible(value: string, options: VisibleOptions = {}): string {
  if (/^[\x20-\x7e]*$/.test(value)) return options.plain ? doubleEscapes(value) : value
  // eslint-disable-next-line no-control-regex -- ASCII, controls included
  if (/^[\x00-\x7f\u2192\u00b7\u2026\u2014\u2013]*$/.test(value))
    return visibleAscii(value, options)
  const characters = [...value]
  const out: string[] = []
  const escapeAt = lookAlikesToEscape(characters)
  characters.forEach((character, i) => {
    const keepBreak = options.keepLineBreaks && (character === '\n' || character === '\r')
    if (
      !keepBreak &&
      (escapeAt.has(i) || isHidden(character, characters[i - 1], characters[i + 1]))
    ) {
      out.push(escapeCharacter(character))
    } else if (
      options.plain &&
      character === '\\' &&
      characters[i + 1] === 'u' &&
      /^[0-9A-Fa-f{]$/.test(characters[i + 2] ?? '')
    ) {
      out.push('\\\\')
    } else out.push(character)
  })
  return out.join('')
}

/**
 * ASCII text with controls in it (pretty-printed JSON, multi-line values), or with the punctuation
 * the action's own lines use (→ · … — –, none of them hidden, a letter or a digit): what the walk
 * in `visible` makes of it, without the walk. Only the controls are hidden there, and no word can
 * mix scripts or hold a look-alike, so the walk's Unicode property tests are not needed: compiled
 * on first use, they cost every run milliseconds (its undo is such JSON, its log lines such text).
 */
function visibleAscii(value: string, options: VisibleOptions): string {
  // Doubled before the controls are escaped: the escapes written here are the only ones left single.
  const text = options.plain ? doubleEscapes(value) : value
  // eslint-disable-next-line no-control-regex -- the controls are what this finds
  return text.replace(/[\x00-\x1f\x7f]/g, character =>
    options.keepLineBreaks && (character === '\n' || character === '\r')
      ? character
      : escapeCharacter(character)
  )
}

function doubleEscapes(value: string): string {
  return value.replace(/\\(?=u[0-9A-Fa-f{])/g, '\\\\')
}

/** The positions of letters to escape, word by word. */
function lookAlikesToEscape(characters: readonly string[]): Set<number> {
  const escape = new Set<number>()
  let start = 0
  const flush = (end: number) => {
    if (end > start) markWord(characters, start, end, escape)
    start = end + 1
  }
  characters.forEach((character, i) => {
    if (!WORD_CHARACTER().test(character)) flush(i)
  })
  flush(characters.length)
  return escape
}

function markWord(characters: readonly string[], start: number, end: number, escape: Set<number>) {
  const counts = new Map<string, number>()
  let lookAlikes = 0
  let onlyAsciiOrLookAlike = true
  for (let i = start; i < end; i++) {
    const character = characters[i] ?? ''
    const script = scriptOf(character)
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1)
    if (isLookAlike(character)) lookAlikes += 1
    else if (character.charCodeAt(0) >= 0x80) onlyAsciiOrLookAlike = false
  }
  // Japanese and Korean words mix their scripts with Latin as a matter of course.
  const mixed = counts.size > 1 && !(counts.size === 2 && counts.has('Latin') && counts.has('CJK'))
  if (mixed) {
    // Latin when every other letter is a look-alike of a Latin one (the host name imitated), else
    // the commonest script, Latin on a tie.
    const imitatesLatin = counts.has('Latin') && onlyAsciiOrLookAlike
    const main = imitatesLatin
      ? 'Latin'
      : [...counts.entries()].sort(
          (a, b) => b[1] - a[1] || (a[0] === 'Latin' ? -1 : b[0] === 'Latin' ? 1 : 0)
        )[0]?.[0]
    for (let i = start; i < end; i++) {
      const script = scriptOf(characters[i] ?? '')
      if (script && script !== main) escape.add(i)
    }
    return
  }
  if (lookAlikes > 0 && onlyAsciiOrLookAlike) {
    for (let i = start; i < end; i++) if (isLookAlike(characters[i] ?? '')) escape.add(i)
  }
}

/** Whether a text mixes scripts in one word, or passes look-alikes for Latin letters. */
export function hasLookAlikes(value: string): boolean {
  return lookAlikesToEscape([...value]).size > 0
}

/** Whether the text holds a bidi control, which can reorder what a reader sees (Trojan Source). */
export function bidiControlIn(
  value: string
): { line: number; column: number; character: string } | undefined {
  const match = BIDI.exec(value)
  if (!match) return undefined
  const before = value.slice(0, match.index)
  const line = before.split('\n').length
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1
  return { line, column, character: match[0] }
}

/**
 * The text as a reader takes it in: hidden characters dropped, compatibility forms and look-alike
 * letters folded to the letters they imitate. Two values that fold alike read the same.
 */
export function asRead(value: string): string {
  // ASCII needs no folding, and its only hidden characters are the controls: the same result,
  // without compiling the Unicode property tests of isHidden (the diff of `true` to `false` asks).
  // eslint-disable-next-line no-control-regex -- ASCII, controls included
  if (/^[\x00-\x7f]*$/.test(value)) return value.replace(/[\x00-\x1f\x7f]/g, '')
  return [...value.normalize('NFKC')]
    .filter((character, i, all) => !isHidden(character, all[i - 1], all[i + 1]))
    .map(character => foldTable()[character] ?? character)
    .join('')
    .normalize('NFC')
}

let fold: Record<string, string> | undefined
const foldTable = (): Record<string, string> =>
  (fold ??= Object.fromEntries(
    [...LOOK_ALIKES].map((character, i) => [
      character,
      'aeopcyxijsdhqwlABEKMHOPCTXSIJQWoaevptuikxABEZHIKMNOPTYXagiy'.charAt(i)
    ])
  ))

/**
 * What differs between two texts that read the same: the first differing character of each, named
 * (`U+0430 (Cyrillic)` where the other has `U+0061`), or undefined when they read differently.
 */
export function sameReadingDifference(before: string, after: string): string | undefined {
  if (before === after || asRead(before) !== asRead(after)) return undefined
  const a = [...before]
  const b = [...after]
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1
  const was = a[i] === undefined ? 'nothing' : describeCharacter(a[i] ?? '')
  const now = b[i] === undefined ? 'nothing' : describeCharacter(b[i] ?? '')
  return `they read the same but differ at character ${i + 1}: ${was} before, ${now} after`
}
