using System.Buffers;

namespace Grievance.Text.Internal;

/// <summary>Runs a transform that writes at most as many characters as it reads, without allocating for the work buffer.</summary>
internal static class PooledBuffer
{
    private const int StackLimit = 512;

    /// <summary>A transform from <paramref name="source"/> into <paramref name="destination"/>, returning the number of characters written.</summary>
    public delegate int Transform<TState>(ReadOnlySpan<char> source, TState state, Span<char> destination);

    /// <summary>
    /// Applies <paramref name="transform"/> to <paramref name="source"/> into a buffer of the same length and returns the result,
    /// or <paramref name="source"/> itself when the transform changed nothing.
    /// </summary>
    public static string Build<TState>(string source, TState state, Transform<TState> transform)
    {
        if (source.Length == 0)
        {
            return source;
        }

        char[]? rented = null;
        Span<char> buffer = source.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(source.Length));
        try
        {
            var written = transform(source, state, buffer);
            var result = buffer[..written];
            return result.SequenceEqual(source) ? source : new string(result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
