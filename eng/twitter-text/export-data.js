#!/usr/bin/env node
// Exports the character classes, TLD lists and emoji pattern of twitter-text 3.1.0 (Apache-2.0)
// and twemoji-parser 11.0.2 (MIT) as C# data for Grievance.Twitter.Text.
//
// Usage: node eng/twitter-text/export-data.js <node_modules dir> > src/Grievance.Twitter/Text/Internal/TwitterTextData.cs
//
// Every class is exported as the set of UTF-16 code units it matches *with the flags the reference
// uses*, so JavaScript's case-insensitive matching (flag i) is already folded into the data and the
// C# patterns never need RegexOptions.IgnoreCase (whose case table differs from JavaScript's).
'use strict';
const path = require('path');
const modules = process.argv[2];
if (!modules) {
  console.error('usage: export-data.js <node_modules dir>');
  process.exit(2);
}
const rx = (name) => {
  const m = require(path.join(modules, 'twitter-text/dist/regexp', name));
  return m.default || m;
};
const src = (name) => {
  const r = rx(name);
  return typeof r === 'string' ? r : r.source;
};

// Code units 0..FFFF matched by a one-unit regex source, as [start, end] ranges.
function unitRanges(classSource, flags) {
  const re = new RegExp('^(?:' + classSource + ')$', flags);
  const ranges = [];
  let start = -1;
  for (let c = 0; c <= 0x10000; c++) {
    const hit = c < 0x10000 && re.test(String.fromCharCode(c));
    if (hit && start < 0) start = c;
    if (!hit && start >= 0) { ranges.push([start, c - 1]); start = -1; }
  }
  return ranges;
}

// Astral code points matched by a surrogate-pair regex source, as [start, end] ranges.
function astralRanges(pairSource) {
  const re = new RegExp('^(?:' + pairSource + ')$');
  const ranges = [];
  let start = -1;
  for (let c = 0x10000; c <= 0x110000; c++) {
    const hit = c < 0x110000 && re.test(String.fromCodePoint(c));
    if (hit && start < 0) start = c;
    if (!hit && start >= 0) { ranges.push([start, c - 1]); start = -1; }
  }
  return ranges;
}

const hex = (c) => '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
const csUnits = (ranges) => ranges.map(([a, b]) => hex(a) + hex(b)).join('');
const csInts = (ranges) => ranges.map(([a, b]) => '0x' + a.toString(16).toUpperCase() + ', 0x' + b.toString(16).toUpperCase()).join(', ');
const escapeAll = (s) => Array.from(s).map((ch) => {
  const u = [];
  for (let i = 0; i < ch.length; i++) u.push(ch.charCodeAt(i));
  return u.every((c) => c >= 0x20 && c < 0x7f && ch !== '"' && ch !== '\\') ? ch : u.map(hex).join('');
}).join('');
const wrap = (s, width) => {
  const lines = [];
  for (let i = 0; i < s.length; i += width) {
    let end = Math.min(s.length, i + width);
    // never split a \uXXXX escape
    const cut = s.lastIndexOf('\\u', end);
    if (end < s.length && cut > end - 6 && cut > i) end = cut;
    lines.push(s.slice(i, end));
    i = end - width;
  }
  return lines;
};
const csString = (s, indent) => {
  const parts = wrap(s, 110);
  return parts.map((p, i) => (i === 0 ? '' : indent + '+ ') + '"' + p + '"').join('\n');
};

const latin = src('latinAccentChars');
const cyrillic = src('cyrillicLettersAndMarks');
const bmpLetters = src('bmpLetterAndMarks');
const bmpNumerals = src('bmpNumerals');
const special = src('hashtagSpecialChars');
const tldList = (name) => {
  const s = src(name);
  const m = /^\(\?:\(\?:(.*)\)\(\?=\[\^0-9a-zA-Z@\+-\]\|\$\)\)$/.exec(s);
  if (!m) throw new Error('unexpected TLD pattern in ' + name);
  return m[1].split('|');
};
const gtlds = tldList('validGTLD');
const cctlds = tldList('validCCTLD');

// Case equivalents (flag i) of the non-ASCII characters used in TLDs.
const tldChars = new Set();
for (const t of gtlds.concat(cctlds)) for (const ch of t) if (ch.charCodeAt(0) >= 0x80) tldChars.add(ch);
const caseFolds = [];
for (const ch of Array.from(tldChars).sort()) {
  const re = new RegExp('^' + ch + '$', 'i');
  const eq = [];
  for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) eq.push(c);
  if (eq.length > 1) caseFolds.push(eq);
}

const emoji = require(path.join(modules, 'twemoji-parser/dist/lib/regex')).default;

// Code units an emoji match can start with: every high surrogate, and each BMP unit with which, alone or
// followed by U+FE0F and/or U+20E3, the emoji pattern matches at the start.
const emojiAnchored = new RegExp('^(?:' + emoji.source + ')');
const emojiStarts = [];
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  const hit = (c >= 0xd800 && c <= 0xdbff) || ['', '\ufe0f', '\u20e3', '\ufe0f\u20e3'].some((t) => emojiAnchored.test(ch + t));
  if (hit) {
    const last = emojiStarts[emojiStarts.length - 1];
    if (last && last[1] === c - 1) last[1] = c; else emojiStarts.push([c, c]);
  }
}

// Emoji that, followed by a neutral character, match alone: a BMP unit (length 1) or an astral code point
// (length 2). Every longer twemoji sequence continues with U+FE0F, U+200D, U+20E3, a skin tone or regional
// indicator (high surrogate U+D83C) or a tag (U+DB40), and only U+FE0E changes a single match, so after any
// other character these are the whole match.
const emojiSingleBmp = [];
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const m = emojiAnchored.exec(String.fromCharCode(c) + ' ');
  if (m && m[0].length === 1) {
    const last = emojiSingleBmp[emojiSingleBmp.length - 1];
    if (last && last[1] === c - 1) last[1] = c; else emojiSingleBmp.push([c, c]);
  }
}
const emojiSingleAstral = [];
for (let c = 0x10000; c < 0x110000; c++) {
  const m = emojiAnchored.exec(String.fromCodePoint(c) + ' ');
  if (m && m[0].length === 2) {
    const last = emojiSingleAstral[emojiSingleAstral.length - 1];
    if (last && last[1] === c - 1) last[1] = c; else emojiSingleAstral.push([c, c]);
  }
}

// Emoji whose match, followed by a skin tone (or by U+FE0F) and then a neutral character, takes the skin
// tone (the selector) too. After a skin tone or U+FE0F only U+200D, U+20E3, U+FE0F, U+FE0E or another
// surrogate pair can continue a longer sequence, so with a neutral character next these are the whole match.
function followedRanges(tail, bmp) {
  const ranges = [];
  const from = bmp ? 0 : 0x10000;
  const to = bmp ? 0x10000 : 0x110000;
  for (let c = from; c < to; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    const m = emojiAnchored.exec(ch + tail + ' ');
    if (m && m[0].length === ch.length + tail.length) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === c - 1) last[1] = c; else ranges.push([c, c]);
    }
  }
  return ranges;
}
const emojiSkinBmp = followedRanges('\u{1F3FD}', true);
const emojiSkinAstral = followedRanges('\u{1F3FD}', false);
const emojiVs16Bmp = followedRanges('\uFE0F', true);
const emojiVs16Astral = followedRanges('\uFE0F', false);
// The skin tones behave alike in the pattern (one class): check it.
for (const tone of ['\u{1F3FB}', '\u{1F3FF}']) {
  if (JSON.stringify(followedRanges(tone, false)) !== JSON.stringify(emojiSkinAstral)) throw new Error('skin tones differ');
}

const classes = {
  DomainChars: unitRanges(src('validDomainChars'), 'i'),
  UrlPrecedingChars: unitRanges(src('validUrlPrecedingChars').replace('|^)', ')'), 'i'),
  UrlPathChars: unitRanges(src('validGeneralUrlPathChars'), 'i'),
  UrlPathEndingChars: unitRanges('[\\+\\-a-z' + cyrillic + '0-9=_#\\/' + latin + ']', 'i'),
  AsciiDomainLabelChars: unitRanges('[\\-a-z0-9' + latin + ']', 'i'),
  HashtagAlphaBmp: unitRanges('[' + bmpLetters + ']', 'i'),
  HashtagAlphaNumericBmp: unitRanges('[' + bmpLetters + bmpNumerals + special + ']', 'i'),
  ValidateUrlUnreservedChars: unitRanges(src('validateUrlUnreserved'), 'i'),
  MentionEndLatinChars: unitRanges('[' + latin + ']', ''),
  EmojiStartChars: emojiStarts,
  EmojiSingleBmpChars: emojiSingleBmp,
  EmojiSkinToneBmpChars: emojiSkinBmp,
  EmojiVariationBmpChars: emojiVs16Bmp,
};
// Sanity: the astral parts of the hashtag classes.
const astralAlpha = astralRanges(src('astralLetterAndMarks'));
const astralAlnum = astralRanges(src('astralLetterAndMarks') + '|' + src('astralNumerals'));

const out = [];
out.push('// <auto-generated>');
out.push('// Generated by eng/twitter-text/export-data.js from twitter-text 3.1.0 (Apache-2.0, Copyright 2011 Twitter, Inc.)');
out.push('// and twemoji-parser 11.0.2 (MIT, Copyright Twitter Inc.). Do not edit by hand: re-run the script.');
out.push('// </auto-generated>');
out.push('namespace Grievance.Twitter.Text.Internal;');
out.push('');
out.push('/// <summary>Character data of the reference implementation, with its case-insensitive matching already applied.</summary>');
out.push('internal static class TwitterTextData');
out.push('{');
for (const [name, ranges] of Object.entries(classes)) {
  out.push('    /// <summary>UTF-16 code unit ranges (start, end pairs, inclusive).</summary>');
  out.push('    public const string ' + name + ' =');
  out.push('        ' + csString(ranges.map(([a, b]) => hex(a) + hex(b)).join(''), '        ') + ';');
  out.push('');
}
out.push('    /// <summary>Astral code point ranges of letters and marks allowed in hashtags (start, end pairs, inclusive).</summary>');
out.push('    public static ReadOnlySpan<int> HashtagAlphaAstral => [' + csInts(astralAlpha) + '];');
out.push('');
out.push('    /// <summary>Astral code point ranges of letters, marks and digits allowed in hashtags (start, end pairs, inclusive).</summary>');
out.push('    public static ReadOnlySpan<int> HashtagAlphaNumericAstral => [' + csInts(astralAlnum) + '];');
out.push('');
out.push('    /// <summary>Astral emoji that, followed by a neutral character, match alone (start, end pairs, inclusive).</summary>');
out.push('    public static ReadOnlySpan<int> EmojiSingleAstral => [' + csInts(emojiSingleAstral) + '];');
out.push('');
out.push('    /// <summary>Astral emoji whose match takes a following skin tone (start, end pairs, inclusive).</summary>');
out.push('    public static ReadOnlySpan<int> EmojiSkinToneAstral => [' + csInts(emojiSkinAstral) + '];');
out.push('');
out.push('    /// <summary>Astral emoji whose match takes a following U+FE0F (start, end pairs, inclusive).</summary>');
out.push('    public static ReadOnlySpan<int> EmojiVariationAstral => [' + csInts(emojiVs16Astral) + '];');
out.push('');
out.push('    /// <summary>Generic top-level domains, in the reference\'s order, separated by <c>|</c>.</summary>');
out.push('    public const string GenericTlds =');
out.push('        ' + csString(escapeAll(gtlds.join('|')), '        ') + ';');
out.push('');
out.push('    /// <summary>Country-code top-level domains, in the reference\'s order, separated by <c>|</c>.</summary>');
out.push('    public const string CountryTlds =');
out.push('        ' + csString(escapeAll(cctlds.join('|')), '        ') + ';');
out.push('');
out.push('    /// <summary>Case-insensitive equivalence classes of the non-ASCII characters in TLDs, one class per entry.</summary>');
out.push('    public static readonly string[] TldCaseFolds =');
out.push('    [');
for (const eq of caseFolds) out.push('        "' + eq.map(hex).join('') + '",');
out.push('    ];');
out.push('');
out.push('    /// <summary>The emoji pattern of twemoji-parser 11.0.2, which the reference uses to count emoji.</summary>');
out.push('    public const string EmojiPattern =');
// Regex-level \uXXXX escapes for the few non-ASCII literals, then a verbatim C# string.
const emojiAscii = Array.from(emoji.source).map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : ch.split('').map((u) => hex(u.charCodeAt(0))).join(''))).join('');
out.push('        ' + wrap(emojiAscii, 110).map((p, i) => (i === 0 ? '' : '        + ') + '@"' + p.replace(/"/g, '""') + '"').join('\n') + ';');
out.push('}');
console.log(out.join('\n'));
