namespace Grievance.Text.Internal;

/// <summary>Code points and character classes of the Devanagari block used by the normalizer and the PII scanner.</summary>
internal static class Devanagari
{
    public const char Chandrabindu = '\u0901';
    public const char Anusvara = '\u0902';
    public const char Nukta = '\u093C';
    public const char Virama = '\u094D';
    public const char DigitZero = '\u0966';

    /// <summary>Returns the value of an ASCII or Devanagari digit, or -1.</summary>
    public static int DigitValue(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        return (uint)(c - DigitZero) <= 9 ? c - DigitZero : -1;
    }

    /// <summary>Returns whether <paramref name="c"/> is an ASCII or Devanagari digit.</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - DigitZero) <= 9;

    /// <summary>Returns whether <paramref name="c"/> is a Devanagari sign: chandrabindu, anusvara, visarga, nukta, vowel sign, virama or stress mark.</summary>
    public static bool IsSign(char c) => c is (>= '\u0900' and <= '\u0903') or (>= '\u093A' and <= '\u094F') or (>= '\u0951' and <= '\u0957') or '\u0962' or '\u0963';

    /// <summary>
    /// Returns the nasal of the stop class of <paramref name="consonant"/> (ङ ञ ण न म for the velar, palatal, retroflex, dental
    /// and labial stops), or <c>'\0'</c> when <paramref name="consonant"/> is not a non-nasal stop.
    /// </summary>
    public static char HomorganicNasal(char consonant) => consonant switch
    {
        >= '\u0915' and <= '\u0918' => '\u0919', // क ख ग घ → ङ
        >= '\u091A' and <= '\u091D' => '\u091E', // च छ ज झ → ञ
        >= '\u091F' and <= '\u0922' => '\u0923', // ट ठ ड ढ → ण
        >= '\u0924' and <= '\u0927' => '\u0928', // त थ द ध → न
        >= '\u092A' and <= '\u092D' => '\u092E', // प फ ब भ → म (ऩ U+0929 sits between the classes)
        _ => '\0',
    };

    /// <summary>Maps a letter with a nukta (precomposed) to the letter without it; other characters are returned unchanged.</summary>
    public static char RemoveNukta(char c) => c switch
    {
        '\u0929' => '\u0928', // ऩ → न
        '\u0931' => '\u0930', // ऱ → र
        '\u0934' => '\u0933', // ऴ → ळ
        '\u0958' => '\u0915', // क़ → क
        '\u0959' => '\u0916', // ख़ → ख
        '\u095A' => '\u0917', // ग़ → ग
        '\u095B' => '\u091C', // ज़ → ज
        '\u095C' => '\u0921', // ड़ → ड
        '\u095D' => '\u0922', // ढ़ → ढ
        '\u095E' => '\u092B', // फ़ → फ
        '\u095F' => '\u092F', // य़ → य
        _ => c,
    };

    /// <summary>The vowel-length and borrowed-vowel folds of a match key; other characters are returned unchanged.</summary>
    public static char FoldVowelForKey(char c) => c switch
    {
        '\u0908' => '\u0907', // ई → इ
        '\u090A' => '\u0909', // ऊ → उ
        '\u0940' => '\u093F', // ी → ि
        '\u0942' => '\u0941', // ू → ु
        '\u0911' => '\u0906', // ऑ → आ
        '\u0949' => '\u093E', // ॉ → ा
        '\u090D' => '\u090F', // ऍ → ए
        '\u0945' => '\u0947', // ॅ → े
        _ => c,
    };
}
