// Characters a reader of a comment or PR body does not see, but a model or a later reader's tooling does
// (security.md §4): Unicode tag characters (ASCII smuggling), zero-width characters, bidi controls and soft
// hyphens, variation selectors. The model's explanation is untrusted-derived text; it goes out without them, and
// untrusted tracker text reaches the prompt without them (resolver/sanitize.ts uses the same rules).
// Visible text, emoji sequences and the joiners that shape non-Latin scripts are kept.

// Always invisible: every Default_Ignorable_Code_Point, Unicode's own list of characters a renderer shows as nothing
// (ZWSP, word joiner and invisible operators, BOM, LRM/RLM/ALM, bidi embeddings, overrides and isolates, the soft
// hyphen, the combining grapheme joiner, Hangul fillers, Mongolian free variation selectors, Khmer inherent vowels,
// musical formatting controls, unassigned ignorables). A hand-made list misses some, and each one missed is a place
// to hide text. Left to the rules below: ZWNJ/ZWJ, the variation selectors and the tag characters.
const ALWAYS =
  /(?![\u200C\u200D\uFE00-\uFE0F\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/gu;

// Tag characters are hidden text, except in their one visible use: the flags of England, Scotland and Wales
// (black flag, tag letters, cancel tag), which are kept whole.
const TAGS =
  /(\u{1F3F4}\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F})|[\u{E0000}-\u{E007F}]/gu;

// ZWNJ/ZWJ change what is shown only between two letters of a script that joins or conjoins (Arabic, Indic...),
// or between the emoji of a ZWJ sequence (👩‍💻). Anywhere else (Latin text, next to spaces or punctuation, in
// runs) they show nothing, so they go. `[^\P{L}\p{sc=Latin}]` is a letter of any script but Latin.
const STRAY_JOINER =
  /(?<![\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]|[^\P{L}\p{sc=Latin}])[\u200C\u200D]|[\u200C\u200D](?![\p{M}\p{Extended_Pictographic}]|[^\P{L}\p{sc=Latin}])/gu;

// Variation selectors (VS1-VS16 U+FE00-FE0F, VS17-VS256 U+E0100-E01EF) show nothing themselves; a run of them
// after a character carries 8 bits each, which is how text is smuggled inside an emoji. One rule keeps what a
// reader sees: a single VS15/VS16 (text or emoji presentation, U+FE0E/U+FE0F) directly after a character that
// has an emoji form (❤️, ☺️, the keycap 1️⃣, ✔️) stays; every other variation selector goes (a second one after
// that, one after a letter, and all of VS1-VS14 and VS17-VS256, which only pick glyph shapes of CJK and math
// characters: a slightly different glyph, never different text).
const VARIATION = /(\p{Emoji}[\uFE0E\uFE0F])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]*|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]+/gu;

/** Variation selectors, except one presentation selector right after an emoji-capable character. */
export function stripVariationSelectors(text: string): string {
  return text.replace(VARIATION, (_m, kept: string | undefined) => kept ?? '');
}

/** Removes invisible characters from text we post; what a reader sees is unchanged. */
export function stripInvisible(text: string): string {
  return stripVariationSelectors(text.replace(TAGS, (_m, flag: string | undefined) => flag ?? ''))
    .replace(ALWAYS, '')
    .replace(STRAY_JOINER, '');
}
