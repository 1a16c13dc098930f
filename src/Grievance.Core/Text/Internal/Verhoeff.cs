namespace Grievance.Text.Internal;

/// <summary>The Verhoeff check-digit scheme (dihedral group D5), as used by Aadhaar numbers.</summary>
internal static class Verhoeff
{
    // d(j, k) = Multiplication[10 j + k]: multiplication in D5.
    private static ReadOnlySpan<byte> Multiplication =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 2, 3, 4, 0, 6, 7, 8, 9, 5,
        2, 3, 4, 0, 1, 7, 8, 9, 5, 6,
        3, 4, 0, 1, 2, 8, 9, 5, 6, 7,
        4, 0, 1, 2, 3, 9, 5, 6, 7, 8,
        5, 9, 8, 7, 6, 0, 4, 3, 2, 1,
        6, 5, 9, 8, 7, 1, 0, 4, 3, 2,
        7, 6, 5, 9, 8, 2, 1, 0, 4, 3,
        8, 7, 6, 5, 9, 3, 2, 1, 0, 4,
        9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ];

    // p(i, k) = Permutation[10 (i mod 8) + k]: the permutation applied to the digit at position i (from the right, check digit at 0), period 8.
    private static ReadOnlySpan<byte> Permutation =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        1, 5, 7, 6, 2, 8, 3, 0, 9, 4,
        5, 8, 0, 3, 7, 9, 6, 1, 4, 2,
        8, 9, 1, 6, 0, 4, 3, 5, 2, 7,
        9, 4, 5, 3, 1, 2, 6, 8, 7, 0,
        4, 2, 8, 6, 5, 7, 3, 9, 0, 1,
        2, 7, 9, 3, 8, 0, 6, 4, 1, 5,
        7, 0, 4, 6, 9, 1, 3, 2, 5, 8,
    ];

    private static ReadOnlySpan<byte> Inverse => [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// <summary>Returns whether the digit values end in a valid Verhoeff check digit.</summary>
    /// <param name="digits">Digit values 0–9, most significant first, check digit last.</param>
    public static bool IsValid(ReadOnlySpan<byte> digits) => !digits.IsEmpty && Checksum(digits, offset: 0) == 0;

    /// <summary>Computes the check digit to append to <paramref name="digits"/>.</summary>
    /// <param name="digits">Digit values 0–9, most significant first, without a check digit.</param>
    public static int ComputeCheckDigit(ReadOnlySpan<byte> digits) => Inverse[Checksum(digits, offset: 1)];

    private static int Checksum(ReadOnlySpan<byte> digits, int offset)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (digit > 9)
            {
                throw new ArgumentOutOfRangeException(nameof(digits), "Every value must be a digit from 0 to 9.");
            }

            c = Multiplication[(c * 10) + Permutation[((i + offset) % 8 * 10) + digit]];
        }

        return c;
    }
}
