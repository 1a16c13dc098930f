using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Storage;
using Xunit;

namespace Grievance.TestUtilities.Contracts;

/// <summary>
/// Personal data of rejected messages and the per-citizen count on every store (issue 9, point 5 and the monthly limit):
/// erasing a citizen removes the message as received from their rejections, down to the stored columns, and keeps the
/// non-personal facts; the retention period does the same by age; the monthly count is the store's own.
/// </summary>
public abstract partial class ComplaintLifecycleStoreContractTests
{
    private const string Ravi = "1600000000000000777";
    private const string Sita = "1600000000000000888";

    /// <summary>What a rejected message of Ravi carries that is his: none of it may stay after erasure.</summary>
    private static readonly string[] s_raviPersonal = [Ravi, "ravi_lko_77", "Ravi Verma", "Sector 18 Noida", "9876543210", "thank you from ravi", "3_ravi_photo"];

    private async Task<Rejection> RejectAsync(StoreUnderTest store, string citizen, string text, string channel = Channels.X, RejectionKind kind = RejectionKind.NotAGrievance)
    {
        var n = Interlocked.Increment(ref _next);
        var now = Time.GetUtcNow();
        var externalId = "19600000000000" + n.ToString("D5", CultureInfo.InvariantCulture);
        var ravi = citizen == Ravi;
        var message = new InboundMessage
        {
            Channel = channel,
            ExternalId = externalId,
            ConversationId = externalId,
            Author = new Complainant
            {
                PlatformId = citizen,
                Handle = ravi ? "ravi_lko_77" : "sita_gkp_88",
                DisplayName = ravi ? "Ravi Verma" : "Sita Devi",
                Location = ravi ? "Sector 18 Noida" : "Golghar Gorakhpur",
            },
            Text = text,
            CreatedAt = now.AddMinutes(-1),
            Language = "en",
            AddressedAccounts = ["Uppolice"],
            Attachments = [new Attachment { MediaKey = ravi ? "3_ravi_photo" : "3_sita_photo", MediaType = "photo" }],
        };
        var rejection = new Rejection
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Channel = channel,
            ExternalId = externalId,
            Reasons = ["praise or thanks", "rule " + n.ToString(CultureInfo.InvariantCulture)],
            RejectedAt = now,
            Message = message,
        };
        var result = await store.Complaints.CommitIntakeAsync(new IntakeCommit
        {
            Message = new ProcessedMessage { Channel = channel, ExternalId = externalId, Outcome = MessageOutcome.Rejected, RejectionId = rejection.Id, ProcessedAt = now },
            Rejection = rejection,
        });
        Assert.True(result.Committed);
        return rejection;
    }

    /// <summary>Every stored column of every rejection as text: the store's raw rows, or the records the API returns.</summary>
    private static async Task<IReadOnlyList<string>> RawRejectionRowsAsync(StoreUnderTest store)
    {
        if (store.RawRejectionRows is { } raw)
        {
            return await raw();
        }

        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return [.. (await store.Complaints.ListRejectionsAsync(0, 1000)).Select(r => JsonSerializer.Serialize(r, options))];
    }

    private static string RowOf(IReadOnlyList<string> rows, Rejection rejection) =>
        Assert.Single(rows, row => row.Contains(rejection.Id.ToString(), StringComparison.OrdinalIgnoreCase));

    private static void AssertErased(Rejection original, Rejection read, string row)
    {
        Assert.Null(read.Message);
        Assert.Equal((original.Id, original.Kind, original.Channel, original.ExternalId, original.RejectedAt), (read.Id, read.Kind, read.Channel, read.ExternalId, read.RejectedAt));
        Assert.Equal(original.Reasons, read.Reasons);
        foreach (var personal in s_raviPersonal)
        {
            Assert.DoesNotContain(personal, row, StringComparison.Ordinal);
        }

        Assert.Contains(original.ExternalId!, row, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task EraseRejections_OneCitizen_RemovesTheirMessagesFromEveryStoredColumnKeepsTheFactsAndOthers()
    {
        await using var store = await CreateStoreAsync();
        var praise = await RejectAsync(store, Ravi, "@Uppolice thank you from ravi, call me on 9876543210");
        Time.Advance(TimeSpan.FromMinutes(1));
        var unknownCode = await RejectAsync(store, Ravi, "@Uppolice status of UP-LKO-2611-000ZZ? thank you from ravi 9876543210", kind: RejectionKind.UnknownCode);
        var others = await RejectAsync(store, Sita, "@Uppolice good morning from sita 9123456780");
        var otherChannel = await RejectAsync(store, Ravi, "web form: thank you from ravi 9876543210", channel: Channels.Web);

        var erased = await Lifecycle(store).EraseRejectionsAsync(Channels.X, Ravi);

        Assert.Equal(2, erased);
        var read = (await store.Complaints.ListRejectionsAsync()).ToDictionary(r => r.Id);
        Assert.Equal(4, read.Count);
        var rows = await RawRejectionRowsAsync(store);
        Assert.Equal(4, rows.Count);
        AssertErased(praise, read[praise.Id], RowOf(rows, praise));
        AssertErased(unknownCode, read[unknownCode.Id], RowOf(rows, unknownCode));

        // Another citizen's rejection, and the same citizen on another channel, keep everything (so the raw check above has teeth).
        Assert.Equal(("sita_gkp_88", others.Message!.Text, "Golghar Gorakhpur"), (read[others.Id].Message?.Author.Handle, read[others.Id].Message?.Text, read[others.Id].Message?.Author.Location));
        Assert.Contains("sita_gkp_88", RowOf(rows, others), StringComparison.Ordinal);
        Assert.Equal(otherChannel.Message!.Text, read[otherChannel.Id].Message?.Text);
        foreach (var personal in s_raviPersonal)
        {
            Assert.Contains(personal, RowOf(rows, otherChannel), StringComparison.Ordinal);
        }

        Assert.Equal(0, await Lifecycle(store).EraseRejectionsAsync(Channels.X, Ravi));
        Assert.Equal(1, await Lifecycle(store).EraseRejectionsAsync(Channels.Web, Ravi));
        Assert.Equal("channel", (await Assert.ThrowsAsync<ArgumentNullException>(() => Lifecycle(store).EraseRejectionsAsync(null!, Ravi))).ParamName);
        Assert.Equal("platformId", (await Assert.ThrowsAsync<ArgumentNullException>(() => Lifecycle(store).EraseRejectionsAsync(Channels.X, null!))).ParamName);
    }

    [SkippableFact]
    public async Task EraseRejectionsBefore_RetentionPeriod_ErasesOlderOnesOldestFirstUpToMaxAndNothingNewer()
    {
        await using var store = await CreateStoreAsync();
        var oldest = await RejectAsync(store, Ravi, "@Uppolice thank you from ravi 9876543210");
        Time.Advance(TimeSpan.FromDays(1));
        var older = await RejectAsync(store, Ravi, "@Uppolice again thank you from ravi 9876543210", kind: RejectionKind.Invalid);
        Time.Advance(TimeSpan.FromDays(1));
        var recent = await RejectAsync(store, Ravi, "@Uppolice thank you from ravi once more 9876543210");

        Assert.Equal(1, await Lifecycle(store).EraseRejectionsBeforeAsync(recent.RejectedAt, max: 1));
        var afterFirst = (await store.Complaints.ListRejectionsAsync()).ToDictionary(r => r.Id);
        Assert.Null(afterFirst[oldest.Id].Message);
        Assert.NotNull(afterFirst[older.Id].Message);

        Assert.Equal(1, await Lifecycle(store).EraseRejectionsBeforeAsync(recent.RejectedAt, max: 10));
        Assert.Equal(0, await Lifecycle(store).EraseRejectionsBeforeAsync(recent.RejectedAt, max: 10));

        var read = (await store.Complaints.ListRejectionsAsync()).ToDictionary(r => r.Id);
        var rows = await RawRejectionRowsAsync(store);
        AssertErased(oldest, read[oldest.Id], RowOf(rows, oldest));
        AssertErased(older, read[older.Id], RowOf(rows, older));
        Assert.Equal(recent.Message!.Text, read[recent.Id].Message?.Text);
        Assert.Contains("ravi_lko_77", RowOf(rows, recent), StringComparison.Ordinal);
        Assert.Equal("max", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Lifecycle(store).EraseRejectionsBeforeAsync(recent.RejectedAt, 0))).ParamName);
    }

    [SkippableFact]
    public async Task CountByComplainant_TheCitizensComplaintsCreatedInTheWindow_SameAsCountingTheList()
    {
        await using var store = await CreateStoreAsync();
        var lifecycle = Lifecycle(store);
        var start = Time.GetUtcNow();
        var first = await SeedAsync(store, Ravi);
        Time.Advance(TimeSpan.FromHours(1));
        await SeedAsync(store, Ravi);
        await SeedAsync(store, Sita);
        Time.Advance(TimeSpan.FromHours(1));
        await SeedAsync(store, Ravi);
        var listOnly = (IComplaintLifecycleStore)new ListOnlyLifecycleStore(lifecycle);

        (string Channel, string Citizen, DateTimeOffset From, DateTimeOffset Before, int Expected)[] windows =
        [
            (Channels.X, Ravi, start, start.AddHours(3), 3),
            (Channels.X, Ravi, start, start.AddHours(2), 2),              // the end is excluded
            (Channels.X, Ravi, start.AddHours(1), start.AddHours(3), 2),  // the start is included
            (Channels.X, Ravi, start.AddMilliseconds(1), start.AddHours(1), 0),
            (Channels.X, Sita, start, start.AddHours(3), 1),
            (Channels.Web, Ravi, start, start.AddHours(3), 0),
        ];
        foreach (var (channel, citizen, from, before, expected) in windows)
        {
            Assert.Equal(expected, await lifecycle.CountByComplainantAsync(channel, citizen, from, before));
            Assert.Equal(expected, await listOnly.CountByComplainantAsync(channel, citizen, from, before));
        }

        // An erased complaint no longer belongs to the citizen.
        var now = Time.GetUtcNow();
        await lifecycle.EraseAsync(first with { ErasedAt = now, UpdatedAt = now, Version = 1 }, 0, Event(first, AuditActions.Erased, "DPO-1", null, null));
        Assert.Equal(2, await lifecycle.CountByComplainantAsync(Channels.X, Ravi, start, start.AddHours(3)));
        Assert.Equal(2, await listOnly.CountByComplainantAsync(Channels.X, Ravi, start, start.AddHours(3)));
        Assert.Equal("channel", (await Assert.ThrowsAsync<ArgumentNullException>(() => lifecycle.CountByComplainantAsync(null!, Ravi, start, now))).ParamName);
        Assert.Equal("platformId", (await Assert.ThrowsAsync<ArgumentNullException>(() => lifecycle.CountByComplainantAsync(Channels.X, null!, start, now))).ParamName);
    }

    /// <summary>A custom store that implements only the original members: it gets the interface's default count.</summary>
    private sealed class ListOnlyLifecycleStore(IComplaintLifecycleStore inner) : IComplaintLifecycleStore
    {
        public Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default) => inner.CommitLifecycleAsync(commit, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => inner.ListSlaDueAsync(now, max, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default) => inner.ListByComplainantAsync(channel, platformId, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default) => inner.ListForRetentionAsync(closedBefore, max, cancellationToken);

        public Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default) => inner.EraseAsync(erased, expectedVersion, audit, cancellationToken);
    }
}
