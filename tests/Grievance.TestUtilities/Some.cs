using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Intake;

namespace Grievance.TestUtilities;

/// <summary>Builds valid test data, so each test sets only the fields it cares about.</summary>
public static class Some
{
    private static long s_next = 1_000_000;

    /// <summary>A fixed instant used as "now" in tests: 2026-11-28 10:00 UTC (15:30 in India).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, unique numeric id like the ones X uses.</summary>
    public static string Id() => Interlocked.Increment(ref s_next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid complaint code; by default the 43rd complaint of Lucknow in November 2026, <c>LKO-2611-00421</c>.</summary>
    public static ComplaintCode Code(string scope = "LKO", int year = 2026, int month = 11, long sequence = 42) =>
        ComplaintCode.Create(scope, year, month, sequence);

    /// <summary>A valid inbound X message.</summary>
    public static InboundMessage Message(string text = "Street light not working near the school in Lucknow", string? externalId = null, params string[] addressed) => new()
    {
        Channel = Channels.X,
        ExternalId = externalId ?? Id(),
        Author = new Complainant { PlatformId = "9001", Handle = "citizen_one" },
        Text = text,
        CreatedAt = Now.AddMinutes(-5),
        Language = "en",
        AddressedAccounts = addressed,
    };
}
