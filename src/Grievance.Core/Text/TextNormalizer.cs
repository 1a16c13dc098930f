using Grievance.Text.Internal;

namespace Grievance.Text;

/// <summary>
/// Normalizes complaint text for matching gazetteer names and keywords across English, Hindi in Devanagari and Hindi written in
/// Latin script (Hinglish). Channel-neutral: it knows only that X escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> in a post's text.
/// </summary>
/// <remarks>
/// <para>
/// The output is a matching form, not display text: keep the original for replies and storage. Every method is a pure function,
/// safe to call from several threads, returns its input unchanged (the same instance) when nothing changes, and never writes the
/// text anywhere.
/// </para>
/// <para>
/// The methods build on each other: <see cref="Normalize"/> includes <see cref="DecodeEntities"/>, and
/// <see cref="ToMatchKey"/> is <see cref="Normalize"/> followed by the key folds and <see cref="FoldLatin"/>. Index the names and
/// keywords you look for with the same method you apply to the text.
/// </para>
/// </remarks>
public static class TextNormalizer
{
    /// <summary>
    /// Decodes the character entities that X writes into a post's <c>text</c>: <c>&amp;amp;</c> → <c>&amp;</c>,
    /// <c>&amp;lt;</c> → <c>&lt;</c> and <c>&amp;gt;</c> → <c>&gt;</c>.
    /// </summary>
    /// <remarks>
    /// Entities are matched case-sensitively and decoded once, left to right, so <c>&amp;amp;lt;</c> becomes <c>&amp;lt;</c>
    /// (what the citizen typed). Nothing else is decoded: X escapes exactly these three, so any other entity in the text, named
    /// (<c>&amp;quot;</c>) or numeric (<c>&amp;#39;</c>), was typed by the citizen and is kept as written.
    /// </remarks>
    /// <param name="text">The text as received.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string DecodeEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EntityDecoder.Decode(text);
    }

    /// <summary>Normalizes text for matching, in one pass after entity decoding and NFC.</summary>
    /// <remarks>
    /// The rules, in order:
    /// <list type="number">
    /// <item><description>Entities are decoded as by <see cref="DecodeEntities"/>.</description></item>
    /// <item><description>The text is put in Unicode normalization form C (NFC).</description></item>
    /// <item><description>
    /// Invisible characters are removed: zero-width space, ZWNJ, ZWJ and the directional marks (U+200B–U+200F), bidirectional
    /// embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), the byte-order mark U+FEFF, and also the soft
    /// hyphen U+00AD, the Arabic letter mark U+061C, U+180E, the word joiner and invisible operators (U+2060–U+2064), and control
    /// characters that are not white space.
    /// </description></item>
    /// <item><description>Each run of white space (any <see cref="char.IsWhiteSpace(char)"/> character, including line breaks and
    /// no-break spaces) becomes one space; leading and trailing white space is removed.</description></item>
    /// <item><description>Letters are lower-cased with the invariant culture, one UTF-16 unit at a time.</description></item>
    /// <item><description>Devanagari digits ०–९, and Arabic-Indic ٠–٩ and ۰–۹ digits (Urdu), become ASCII 0–9.</description></item>
    /// <item><description>The Devanagari nukta is removed, whether it is a separate sign or part of a precomposed letter:
    /// क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ऩ ऱ ऴ become क ख ग ज ड ढ फ य न र ळ (so ज़मीन matches जमीन, हापुड़ matches हापुड).</description></item>
    /// <item><description>Chandrabindu ँ becomes anusvara ं (झाँसी → झांसी).</description></item>
    /// <item><description>A nasal consonant with virama before a stop of its own class becomes anusvara: ङ्क → ंक, ञ्ज → ंज,
    /// ण्ड → ंड, न्द → ंद, म्ब → ंब (गोण्डा → गोंडा, सम्भल → संभल). A nasal before a nasal (न्न, म्म) is kept.</description></item>
    /// <item><description>A Devanagari sign repeated immediately (vowel sign, anusvara, visarga, virama) is written once
    /// (बरेलीी → बरेली).</description></item>
    /// </list>
    /// Latin spelling is not folded here; see <see cref="FoldLatin"/> and <see cref="ToMatchKey"/>.
    /// </remarks>
    /// <param name="text">The text as received.</param>
    /// <returns>The normalized text, never longer than the decoded NFC text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MatchTextBuilder.Normalize(text);
    }

    /// <summary>Folds Hinglish (Hindi written in Latin letters) spelling variants of each word to one spelling.</summary>
    /// <remarks>
    /// <para>
    /// A word is a run of Latin letters. Each word made only of ASCII letters is folded on its own and comes out in lower case; a
    /// word with an accented letter (café) and every other character (digits, spaces, punctuation, Devanagari) is copied
    /// unchanged. The rules, applied left to right in one pass, each reading the original letters:
    /// </para>
    /// <list type="number">
    /// <item><description>Doubled vowels: <c>ee</c> → <c>i</c>, <c>oo</c> → <c>u</c> (prayaagraj, seetapur, gorakhpoor).</description></item>
    /// <item><description>Diphthongs: <c>au</c> and <c>ou</c> → <c>o</c>; <c>aw</c> and <c>ow</c> not followed by a vowel → <c>o</c>
    /// (lakhnau, lakhnow, jounpur, kannauj/kannoj); <c>ei</c> → <c>e</c> (bareilly); <c>ae</c> → <c>ai</c> (raebareli).</description></item>
    /// <item><description><c>u</c> before <c>ck</c> → <c>a</c>, as English spelling uses it for the short Hindi a (lucknow, truck).</description></item>
    /// <item><description>Word-final <c>ey</c> and <c>ie</c> → <c>i</c>; word-final <c>y</c> after a consonant → <c>i</c>
    /// (bareilley, hardoie, chandauly); <c>iy</c> before a vowel → <c>i</c> (baliya → balia).</description></item>
    /// <item><description>A silent final <c>e</c> after a consonant, in words of five or more letters, is dropped (bijnore, mirzapure).</description></item>
    /// <item><description><c>c</c>: <c>ch</c> → <c>c</c> (the sound च; <c>chh</c> too), <c>c</c> before <c>c</c> or <c>k</c> is dropped,
    /// <c>c</c> before <c>e</c>, <c>i</c> or <c>y</c> → <c>s</c>, any other <c>c</c> → <c>k</c>.</description></item>
    /// <item><description><c>ph</c> → <c>f</c>; <c>rh</c> → <c>d</c> (both spell ढ़: aligarh, aligadh); <c>q</c> → <c>k</c>;
    /// <c>w</c> → <c>v</c>; <c>z</c> → <c>j</c> (mirzapur, mirjapur).</description></item>
    /// <item><description><c>h</c> is dropped after a consonant (aspirates kh, gh, bh, dh, th, jh and sh, so ghaziabad matches
    /// gaziabad and shravasti matches sravasti) and after a vowel when no vowel follows (etah, shahjahanpur). A word-initial
    /// <c>h</c> and an <c>h</c> between vowels (mahila) are kept.</description></item>
    /// <item><description>A letter produced twice in a row is written once (aa → a, kannauj → kanoj, ballia → balia).</description></item>
    /// </list>
    /// <para>
    /// The folds trade precision for recall and are meant for comparing keys, never for display: distinct words can share a key
    /// (bhai and bai, khana and kana). The rules do not make a vowel out of nothing, so variants that add or drop a vowel (mathra,
    /// bulandshahar), swap one consonant for another (varanasi and baranasi, hapur and hapud) or differ in word breaks (siddharth
    /// nagar) keep different keys.
    /// </para>
    /// </remarks>
    /// <param name="text">The text; usually already passed through <see cref="Normalize"/>.</param>
    /// <returns>The text with each ASCII word folded; never longer than <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string FoldLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LatinFolder.Fold(text);
    }

    /// <summary>Builds the key used to compare place names and keywords: <see cref="Normalize"/>, then key folds, then <see cref="FoldLatin"/>.</summary>
    /// <remarks>
    /// After <see cref="Normalize"/>, a second pass:
    /// <list type="number">
    /// <item><description>Characters other than letters, digits and combining marks (punctuation, symbols, emoji, <c>@</c>,
    /// <c>#</c>, <c>_</c>) are word breaks: each run of breaks and spaces becomes one space, none at either end.</description></item>
    /// <item><description>Devanagari vowel length is folded: ई → इ, ऊ → उ, ी → ि, ू → ु (लखनऊ matches लखनउ); the borrowed vowels
    /// ऑ ॉ ऍ ॅ become आ ा ए े (रॉबर्ट्सगंज matches राबर्ट्सगंज).</description></item>
    /// <item><description>The virama is removed (सुल्तानपुर matches सुलतानपुर), and a sign repeated by the folds is written once.</description></item>
    /// <item><description>Each Latin word is folded by the rules of <see cref="FoldLatin"/>.</description></item>
    /// </list>
    /// For example, <c>"#Lucknow!!"</c>, <c>"LAKHNAU"</c> and <c>"lakhnow"</c> all give <c>"lakno"</c>.
    /// </remarks>
    /// <param name="text">The text as received.</param>
    /// <returns>The match key: words separated by single spaces.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string ToMatchKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MatchTextBuilder.ToMatchKey(text);
    }
}
