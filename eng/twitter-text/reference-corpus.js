#!/usr/bin/env node
// Generates tests/Grievance.Twitter.Tests/Conformance/reference-corpus.json: deterministic mixed strings
// (English, Hindi, Hinglish, emoji, URLs, mentions, hashtags, cashtags, rupee amounts, directional marks)
// with the results of the reference implementation, the npm package twitter-text@3.1.0, for each.
//
// Usage (arguments: number of tweets, default 5000, and of short probe strings, default 1000; the package is installed outside the repository):
//   (cd <scratch dir outside the repository> && npm install twitter-text@3.1.0)
//   NODE_PATH=<scratch dir>/node_modules node eng/twitter-text/reference-corpus.js > tests/Grievance.Twitter.Tests/Conformance/reference-corpus.json
//
// The tests only read the JSON: they need neither node nor the network.
'use strict';
const twttr = require('twitter-text');
const version = require('twitter-text/package.json').version;
if (version !== '3.1.0') throw new Error('expected twitter-text 3.1.0, found ' + version);

const COUNT = Number(process.argv[2] || 5000);
const FUZZ_COUNT = Number(process.argv[3] || 1000);

// mulberry32: a small deterministic PRNG, so the corpus is the same on every run.
let seed = 0x5eed2026;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const english = ['street', 'light', 'not', 'working', 'near', 'the', 'school', 'please', 'help', 'water', 'supply',
  'garbage', 'pothole', 'complaint', 'registered', 'since', 'two', 'weeks', 'no', 'action', 'taken', 'sir', 'madam',
  'urgent', 'electricity', 'cut', 'hospital', 'road', 'drain', 'overflowing', 'Lucknow', 'Kanpur', 'Varanasi',
  'Prayagraj', 'Agra', 'ward', 'no.', 'near', 'bus', 'stand', 'pension', 'ration', 'card', 'update', 'status', 'kindly',
  'resolve', 'ASAP', 'thanks', 'OK', 'e.g.', 'i.e.', 'Mr.', 'Dr.', 'U.P.', 'St.', 'etc.'];
const hindi = ['सड़क', 'पर', 'गड्ढा', 'है', 'कृपया', 'मदद', 'करें', 'बिजली', 'नहीं', 'आ', 'रही', 'पानी', 'की', 'समस्या',
  'शिकायत', 'दर्ज', 'लखनऊ', 'कानपुर', 'वाराणसी', 'नगर', 'निगम', 'धन्यवाद', 'क्षेत्र', 'स्वच्छता', 'अस्पताल', 'श्रीमान',
  'क़ानून', 'ज़िला', 'फ़ोन', 'पुलिस', 'थाना', 'कार्रवाई', 'तुरंत', 'क्षि', 'त्र', 'ज्ञ', 'श्र', 'द्ध', '।', '॥', '१२३', 'ॐ'];
const hinglish = ['bhai', 'kya', 'haal', 'hai', 'bijli', 'nahi', 'aa', 'rahi', 'paani', 'ki', 'dikkat', 'jaldi', 'karo',
  'yaar', 'sarkar', 'kab', 'tak', 'theek', 'hoga', 'please', 'ji', 'sahab', 'mohalla', 'gali'];
const other = ['Привет', 'мир', 'مرحبا', 'שלום', '你好', '東京', 'こんにちは', '안녕하세요', 'Ελλάδα', 'naïve', 'café',
  'Zürich', 'straße', 'ſtreet', 'Kelvin\u212A', 'ǅ', 'İstanbul', 'ı', 'ⓐ', 'ｆｕｌｌ', '＠', '＃', 'ﬁ'];
const emoji = ['😀', '😂', '🙏', '🙏🏽', '👍🏻', '👍🏿', '❤', '❤️', '☺', '☺️', '©', '©️', '®️', '™', '™️', '✌️', '✌🏾',
  '👨‍👩‍👧‍👦', '👩‍❤️‍💋‍👨', '👨🏽‍⚕️', '👩‍💻', '🏳️‍🌈', '🏴‍☠️', '🇮🇳', '🇺🇸', '🇬🇧', '🇮', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1️⃣', '#️⃣', '*⃣',
  '5⃣', '🧑‍🤝‍🧑', '🫠', '🥲', '🫶🏽', '🧔‍♂️', '🏃‍♀️', '🏃🏾‍♂️', '😀\uFE0E', '☺\uFE0E', '\uFE0F', '🤷‍♂️', '🦸🏻‍♀️',
  '👁‍🗨', '🐱', '🇦🇶', '🧑‍💻', '🏻', '\u200D', '🪔', '🛕', '🤝', '🤝🏽'];
const tlds = ['com', 'in', 'org', 'co.in', 'gov.in', 'nic.in', 'net', 'io', 'co', 'ly', 'me', 'tv', 'भारत', 'рф', 'xyz',
  'app', 'dev', 'co.uk', 'comx', 'c', 'onion', 'info', 'museum', 'xn--h2brj9c', 'COM', 'In'];
const hosts = ['example', 'up.gov', 'lucknow-nagar-nigam', 'twitter', 'x', 'bit', 'goo', 'a', 'sub.domain.example',
  'my_site', 'ड', 'bücher', 'müller', 'пример', 'www.example', 'jansunwai.up', 'a-b', '-bad', 'under_score', 'xn--abc',
  'verylonglabelverylonglabelverylonglabelverylonglabelverylonglabelx', 'bad-', '1.2.3', '127.0.0'];
const paths = ['', '', '/', '/path', '/path/to/page.html', '/a_b-c', '/search?q=road&x=1', '/?q=बिजली', '/p(1)', '/w/Foo_(bar)',
  '/x/', '#frag', '/@user/', '/path.', '/path,', '/path!', '/%E0%A4%B8', '/ab?c=d#e', '/путь', '/ü', ':8080/x', ':80',
  '/status/1234567890123456789', '?utm_source=x&utm_medium=y', '/a.b.c', '/end)', '/(nested(1))'];
const names = ['user', 'UPGovt', 'lko_nagar_nigam', 'CMOfficeUP', 'a', 'ab_12', 'x1234567890123456789012', 'DM_Lucknow',
  'Uppolice', 'MoHFW_INDIA', '_under', 'name21charsxxxxxxxxxx'];
const tags = ['swachhbharat', 'UP', 'roads', '2024', 'स्वच्छ_भारत', 'बिजली', 'लखनऊ', 'tag_with_underscore', 'Hinglish123',
  'مرحبا', '日本語', 'café', 'tag‍zwj', 'a', '123abc', 'ﾟ', 'हिंदी', 'x'];
const cashtags = ['RELIANCE', 'TCS', 'INFY', 'AAPL', 'GOOG', 'BRK.A', 'RDS_A', 'nifty', 'TOOLONGXX', 'A', 'SBIN.NS'];
const spaces = [' ', ' ', ' ', ' ', '  ', '\n', '\t', '\u00A0', '\u3000', '\u2009', '\r\n', ' \u200E', '\u200F ', '\u2066',
  '\u2069', '\u202A', '\u202C', '\u061C', '\u200B', '\u200C', '\u200D'];
const punct = ['.', ',', '!', '?', ':', ';', '-', '—', '–', '…', '"', "'", '(', ')', '/', '|', '•', '₹', '€', '%', '&',
  '*', '~', '^', '_', '<', '>', '[', ']', '{', '}', '`', '\\', '=', '+'];

function url() {
  const proto = pick(['', '', 'http://', 'https://', 'HTTPS://', 'Http://', 'ftp://', 'www.']);
  return proto + pick(hosts) + '.' + pick(tlds) + pick(paths);
}
function tco() {
  const slug = Array.from({ length: 1 + Math.floor(random() * (chance(0.05) ? 45 : 12)) },
    () => pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''))).join('');
  return pick(['https://t.co/', 'http://t.co/', 'https://T.CO/']) + slug + pick(['', '', '?amp=1', '/extra', '?a=b&c=d']);
}
function rupees() {
  return pick(['₹', 'Rs.', 'INR ', '₹ ', 'Rs ']) + (1 + Math.floor(random() * 100000)).toLocaleString('en-IN') + pick(['', '/-', '.50']);
}
function token() {
  const r = random();
  if (r < 0.22) return pick(english);
  if (r < 0.36) return pick(hindi);
  if (r < 0.46) return pick(hinglish);
  if (r < 0.49) return pick(other);
  if (r < 0.60) return pick(emoji) + (chance(0.2) ? pick(emoji) : '');
  if (r < 0.67) return url();
  if (r < 0.69) return tco();
  if (r < 0.76) return pick(['@', '@', '@', '＠', '.@', 'RT @', 'rt:@', 'x@', '@@']) + pick(names) + (chance(0.1) ? '/' + pick(['list', 'my-list', '1bad', 'L']) : '');
  if (r < 0.83) return pick(['#', '#', '#', '＃', 'x#', '##']) + pick(tags);
  if (r < 0.87) return pick(['$', '$', ' $', 'x$']) + pick(cashtags);
  if (r < 0.90) return rupees();
  if (r < 0.97) return pick(punct);
  return pick(['A\u0301', 'e\u0301', 'क\u093C', 'ñ', 'n\u0303', '\uFEFF', '\uFFFE', '\uFFFF', '\u2028', 'ﬃ', 'Å', 'Ω']);
}
function separator() {
  return chance(0.85) ? ' ' : pick(spaces.concat(punct, ['']));
}
function tweet(i) {
  const long = chance(0.08);
  const words = long ? 60 + Math.floor(random() * 140) : 1 + Math.floor(random() * 30);
  let s = chance(0.15) ? pick(['@' + pick(names) + ' ', ' @' + pick(names) + ' ', '.@' + pick(names) + ' ', '\u3000@' + pick(names)]) : '';
  for (let w = 0; w < words; w++) s += (w ? separator() : '') + token();
  if (chance(0.1)) s += pick(spaces);
  if (i % 97 === 0) s = pick(emoji).repeat(140 + (i % 5));
  if (i % 89 === 0) s = 'a'.repeat(275 + (i % 10)) + pick(['', ' ' + url(), pick(emoji)]);
  if (i % 83 === 0) s = pick(hindi).repeat(60);
  return s;
}

// Short strings of characters chosen to probe the edges of the patterns: case folding (K, ſ, ı, Cyrillic,
// Greek, Georgian), combining marks, URL punctuation, surrogate pairs, invisible and bidi characters.
const fuzzPool = Array.from('aAzZkKsSiI09._-/:@#$&?=+%~()[]!\'",;*|\u212A\u017F\u0131\u0130\u0345\u03B9\u1FBE\u0412\u0432' +
  '\u1C80\u10D0\u1C90\u0301\u093C\u094D\u0915\u0937\u00E9\u00DF\u1E9E\uFF20\uFF03\u3002\uFF0E\uFF61\u2013\u2026' +
  '\u00A0\u3000\u200B\u200C\u200D\u200E\u202E\u2066\u061C\uFE0E\uFE0F\u20E3\uFEFF\uFFFE\u0660\u0966')
  .concat(['😀', '🏽', '🇮', '🇳', '\u{1D400}', '\u{104A0}', '\u{E0067}', 'http://', 'https://', 'www.', '.com', '.in', '.co',
    '.рф', '.भारत', 't.co/', 'xn--', '.xn--p1ai', 'RT', '://']);
function fuzz() {
  let s = '';
  const n = 1 + Math.floor(random() * 24);
  for (let k = 0; k < n; k++) s += pick(fuzzPool);
  return s;
}

function pack(entities, valueKey) {
  return entities.map((e) => [e[valueKey], e.indices[0], e.indices[1]]);
}
const parse = (text, config) => {
  const r = twttr.parseTweet(text, config);
  return [r.weightedLength, r.valid, r.permillage, r.displayRangeStart, r.displayRangeEnd, r.validRangeStart, r.validRangeEnd];
};

const cases = [];
const seen = new Set();
for (let i = 0; cases.length < COUNT + FUZZ_COUNT; i++) {
  const text = cases.length < COUNT ? tweet(i) : fuzz();
  if (seen.has(text)) continue;
  seen.add(text);
  cases.push({
    text,
    v3: parse(text),
    v2: parse(text, twttr.configs.version2),
    v1: parse(text, twttr.configs.version1),
    urls: pack(twttr.extractUrlsWithIndices(text), 'url'),
    mentions: twttr.extractMentionsOrListsWithIndices(text).map((e) => [e.screenName, e.listSlug, e.indices[0], e.indices[1]]),
    hashtags: pack(twttr.extractHashtagsWithIndices(text), 'hashtag'),
    cashtags: pack(twttr.extractCashtagsWithIndices(text), 'cashtag'),
    reply: twttr.extractReplies(text),
  });
}

process.stdout.write(JSON.stringify({
  source: 'Generated by eng/twitter-text/reference-corpus.js; expected values from the npm package twitter-text@' + version + ' (Apache-2.0).',
  parseFields: ['weightedLength', 'valid', 'permillage', 'displayRangeStart', 'displayRangeEnd', 'validRangeStart', 'validRangeEnd'],
  count: cases.length,
  cases,
}, null, 0).replace(/\},\{"text"/g, '},\n{"text"') + '\n');
