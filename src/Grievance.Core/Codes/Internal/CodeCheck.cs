namespace Grievance.Codes.Internal;

/// <summary>
/// The check character of a complaint code: a Damm check over a totally anti-symmetric quasigroup of order 32,
/// written with the 32 symbols of Crockford's base32 alphabet.
/// </summary>
/// <remarks>
/// <para>
/// The quasigroup is <c>x ∘ y = α·x + y</c> in the field GF(2⁵) = GF(2)[t]/(t⁵ + t² + 1), with α = t (the element 2).
/// It is a Latin square because multiplying by α ≠ 0 and adding are bijections, and it is totally anti-symmetric
/// because <c>(c ∘ x) ∘ y = (c ∘ y) ∘ x</c> reduces to <c>(α + 1)·x = (α + 1)·y</c>, and α + 1 ≠ 0.
/// </para>
/// <para>
/// Folding a code's symbol values through the quasigroup from state 0 and appending the value that brings the state
/// back to 0 detects every single substitution (Latin square) and every transposition of adjacent symbols (total
/// anti-symmetry), including those that involve the check character itself. Because the operation is linear, a
/// transposition at distance <c>d</c> changes the result by a non-zero multiple of <c>α^d + 1</c>, which is zero only when 31
/// divides <c>d</c>; codes are shorter than 31 symbols, so every transposition of two different symbols is detected.
/// The tests verify the quasigroup properties exhaustively.
/// </para>
/// </remarks>
internal static class CodeCheck
{
    /// <summary>The order of the quasigroup, equal to the size of the check alphabet.</summary>
    public const int Order = 32;

    /// <summary>The check symbols, indexed by value: Crockford's base32 alphabet (no I, L, O or U).</summary>
    public const string Symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // t^5 + t^2 + 1: reduces a product that overflows into bit 5.
    private const int Reduction = 0b10_0101;

    /// <summary>The quasigroup operation <c>x ∘ y = α·x + y</c>.</summary>
    /// <param name="x">The state, 0 to 31.</param>
    /// <param name="y">The symbol value, 0 to 31.</param>
    /// <returns>The next state, 0 to 31.</returns>
    public static int Operate(int x, int y)
    {
        var shifted = (x << 1) ^ y;
        return shifted ^ ((shifted >> 5) * Reduction);
    }

    /// <summary>Gets the check value <c>c</c> that completes a code whose body folds to <paramref name="state"/>: <c>state ∘ c = 0</c>.</summary>
    /// <param name="state">The state after the body.</param>
    /// <returns>The check value, 0 to 31.</returns>
    public static int CheckValueFor(int state) => Operate(state, 0);
}
