namespace Grievance.Twitter.Text;

/// <summary>A range of UTF-16 code unit values that share a weight, as in twitter-text's configuration files.</summary>
/// <param name="Start">The first code unit value of the range (inclusive).</param>
/// <param name="End">The last code unit value of the range (inclusive).</param>
/// <param name="Weight">The weight of each code unit in the range, in units of the configuration's scale.</param>
public readonly record struct TweetTextWeightRange(int Start, int End, int Weight);
