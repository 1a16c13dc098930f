using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Sla;
using Grievance.Storage;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Console;

/// <summary>
/// A month of desk work after intake, on a fake clock: officers act through <see cref="IComplaintService"/>, citizens
/// write on the fake X and are read through the real intake pipeline, <see cref="ISlaMonitor.RunOnceAsync"/> runs every
/// evening, and the outbox is sent after each step. Officers take up and resolve most complaints; the revenue desk
/// transfers the pond encroachment to the police; the Meerut bill is left to go overdue and escalate; the Lucknow
/// complainant asks "status &lt;code&gt;"; the Varanasi complainant answers "नहीं" to the resolution and the
/// complaint is reopened.
/// </summary>
public static class DeskMonth
{
    /// <summary>The days played after the intake day.</summary>
    public const int Days = 30;

    /// <summary>The demo complaint whose complainant asks for its status (the Lucknow scooter theft).</summary>
    public const int StatusAsker = 0;

    /// <summary>The demo complaint whose complainant answers "नहीं" to the resolution (the Varanasi water supply).</summary>
    public const int Reopened = 2;

    /// <summary>The demo complaint officers leave overdue, so that it escalates (the Meerut electricity bill).</summary>
    public const int Overdue = 12;

    /// <summary>The demo complaint transferred to another department (the Bahraich pond encroachment, revenue to police).</summary>
    public const int Transferred = 18;

    /// <summary>The demo complaint resolved on the intake day (harassment outside the Noida metro: a patrol is sent at once).</summary>
    public const int SameDay = 11;

    /// <summary>When the sample's fake clock starts on the fake X: Monday 3 November 2025, 10:00 in India, so every run prints the same.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 3, 10, 0, 0, TimeSpan.FromHours(5.5));

    /// <summary>The transfer's reason.</summary>
    public const string TransferReason = "forcible occupation by strongmen; the police must act, revenue records checked";

    /// <summary>
    /// Plays the month when this run took in new complaints (a second run on the same database plays nothing: the
    /// month already happened to its complaints), and only for demo complaints still as intake left them.
    /// </summary>
    /// <param name="services">The services from <see cref="SampleDesk.BuildServices"/>, built with <paramref name="clock"/>.</param>
    /// <param name="fake">The fake X the demo feed was seeded into.</param>
    /// <param name="clock">The fake clock of the services and the fake X; it is advanced day by day.</param>
    /// <param name="intake">What the intake run produced.</param>
    /// <param name="cancellationToken">The token to cancel the month.</param>
    /// <returns>The result with the complaints as they stand after the month.</returns>
    public static async Task<SampleResult> PlayAsync(IServiceProvider services, FakeXApi fake, FakeTimeProvider clock, SampleResult intake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(intake);
        if (intake.Runs.Sum(r => r.Created) == 0)
        {
            return intake;
        }

        var cast = await FindCastAsync(services, cancellationToken);
        if (cast.Count == 0)
        {
            return intake;
        }

        var desk = new Desk(services, fake, cast);
        var day0 = clock.GetUtcNow();

        // The intake day: the harassment complaint is taken up and resolved in the afternoon.
        clock.SetUtcNow(day0.AddHours(3));
        await desk.StartAndResolveAsync(SameDay, cancellationToken);
        await desk.DispatchAsync(cancellationToken);

        for (var day = 1; day <= Days; day++)
        {
            // 10:00: officers act.
            clock.SetUtcNow(day0.AddDays(day));
            await desk.OfficersAsync(day, cancellationToken);
            await desk.DispatchAsync(cancellationToken);

            // 12:00: citizens write; their posts come in through the intake pipeline.
            clock.SetUtcNow(day0.AddDays(day).AddHours(2));
            if (await desk.CitizensAsync(day, cancellationToken))
            {
                await desk.IntakeAsync(cancellationToken);
                await desk.DispatchAsync(cancellationToken);
            }

            // 18:00: the time-limit monitor's pass.
            clock.SetUtcNow(day0.AddDays(day).AddHours(8));
            await services.GetRequiredService<ISlaMonitor>().RunOnceAsync(cancellationToken);
            await desk.DispatchAsync(cancellationToken);
        }

        return intake with { Complaints = await SampleDesk.ReadComplaintsAsync(services, cancellationToken) };
    }

    /// <summary>The demo complaints, by their index in <see cref="DemoFeed.Complaints"/>, that nothing has happened to since intake.</summary>
    private static async Task<Dictionary<int, Complaint>> FindCastAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IComplaintStore>();
        var byCitizen = new Dictionary<string, Complaint>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += 500)
        {
            var page = await store.ListAsync(new ComplaintQuery { Skip = skip, Take = 500, Channel = Channels.X }, cancellationToken);
            foreach (var complaint in page)
            {
                byCitizen.TryAdd(complaint.Complainant.PlatformId, complaint);
            }

            if (page.Count < 500)
            {
                break;
            }
        }

        var cast = new Dictionary<int, Complaint>();
        for (var i = 0; i < DemoFeed.Complaints.Count; i++)
        {
            if (byCitizen.TryGetValue(DemoFeed.CitizenId(i), out var complaint)
                && complaint.Status == ComplaintStatus.New
                && (await store.GetAuditTrailAsync(complaint.Id, cancellationToken)).All(e => e.Action is AuditActions.Created or AuditActions.FollowUp))
            {
                cast[i] = complaint;
            }
        }

        return cast;
    }

    /// <summary>The day a complaint with no special part is resolved: spread over the first two weeks.</summary>
    private static int ResolutionDay(int index) => 2 + (index * 3 % 11);

    private sealed class Desk(IServiceProvider services, FakeXApi fake, Dictionary<int, Complaint> cast)
    {
        private readonly IComplaintService _officers = services.GetRequiredService<IComplaintService>();
        private readonly IOutboxStore _outbox = services.GetRequiredService<IOutboxStore>();

        public async Task OfficersAsync(int day, CancellationToken cancellationToken)
        {
            foreach (var (index, complaint) in cast.OrderBy(c => c.Key))
            {
                var id = complaint.Id;
                var officer = Officer(complaint.Department.Value, complaint.District?.Value);
                switch (index)
                {
                    case SameDay:
                        break;
                    case Overdue:
                        if (day == 1)
                        {
                            await _officers.AssignAsync(id, "supervisor-" + complaint.Department.Value, "billing cell", officer, cancellationToken);
                        }

                        break;
                    case Transferred when day == 1:
                        await _officers.StartAsync(id, officer, cancellationToken);
                        break;
                    case Transferred when day == 3:
                        await _officers.TransferAsync(id, officer, new DepartmentId("police"), null, TransferReason, cancellationToken);
                        break;
                    case Transferred when day == 4:
                        await _officers.StartAsync(id, Officer("police", complaint.District?.Value), cancellationToken);
                        break;
                    case Transferred when day == 9:
                        await _officers.ResolveAsync(id, Officer("police", complaint.District?.Value), "The pond was cleared and a case registered against the occupiers.", cancellationToken);
                        break;
                    case Transferred:
                        break;
                    default:
                        if (day == 1)
                        {
                            await _officers.StartAsync(id, officer, cancellationToken);
                        }
                        else if (day == (index switch { Reopened => 3, StatusAsker => 6, _ => ResolutionDay(index) }))
                        {
                            await _officers.ResolveAsync(id, officer, Note(complaint), cancellationToken);
                        }

                        break;
                }
            }
        }

        public async Task StartAndResolveAsync(int index, CancellationToken cancellationToken)
        {
            if (cast.TryGetValue(index, out var complaint))
            {
                var officer = Officer(complaint.Department.Value, complaint.District?.Value);
                await _officers.StartAsync(complaint.Id, officer, cancellationToken);
                await _officers.ResolveAsync(complaint.Id, officer, Note(complaint), cancellationToken);
            }
        }

        /// <summary>Posts what citizens write on a day; returns whether anyone wrote.</summary>
        public async Task<bool> CitizensAsync(int day, CancellationToken cancellationToken)
        {
            if (day == 5 && cast.TryGetValue(StatusAsker, out var asked))
            {
                // A new post, outside the complaint's thread, quoting the code.
                fake.AddPost(DemoFeed.CitizenId(StatusAsker), $"{DeskHandle(StatusAsker)} status {asked.Code.Value}", lang: "en");
                return true;
            }

            if (day == 4 && cast.TryGetValue(Reopened, out var reopened))
            {
                // The answer to "was it resolved?", in reply to the resolution post.
                var resolution = (await _outbox.ListForComplaintAsync(reopened.Id, cancellationToken))
                    .LastOrDefault(m => m.Kind == OutboundMessageKind.Resolution && m.SentExternalId is not null);
                if (resolution is not null)
                {
                    fake.AddPost(DemoFeed.CitizenId(Reopened), $"{DeskHandle(Reopened)} नहीं, पानी अब भी नहीं आ रहा", inReplyTo: resolution.SentExternalId, lang: "hi");
                    return true;
                }
            }

            return false;
        }

        public async Task IntakeAsync(CancellationToken cancellationToken)
        {
            var pipeline = services.GetRequiredService<IIntakePipeline>();
            foreach (var source in services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()))
            {
                await pipeline.RunAsync(source, cancellationToken);
            }
        }

        public Task DispatchAsync(CancellationToken cancellationToken) =>
            services.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000, cancellationToken);

        /// <summary>The desk handle the demo complaint was addressed to (its first word).</summary>
        private static string DeskHandle(int index) => DemoFeed.Complaints[index].Text.Split(' ')[0];

        private static string Officer(string department, string? district) =>
            $"officer-{department}-{(district ?? "state").ToLowerInvariant()}";

        /// <summary>A short public resolution note in the complaint's language.</summary>
        private static string Note(Complaint complaint)
        {
            var hindi = complaint.Language == "hi";
            return complaint.Department.Value switch
            {
                "police" => hindi ? "थाने ने शिकायत पर कार्रवाई की।" : "The police station has acted on the complaint.",
                "power" => hindi ? "लाइन ठीक कर आपूर्ति बहाल की गई।" : "The line was repaired and supply restored.",
                "water" => hindi ? "मरम्मत के बाद आपूर्ति बहाल की गई।" : "Supply restored after repairs.",
                "municipal" => hindi ? "वार्ड टीम ने मौके पर काम किया।" : "The ward team attended the site.",
                "roads" => hindi ? "सड़क की मरम्मत की गई।" : "The stretch was repaired.",
                "transport" => hindi ? "डिपो और आरटीओ ने कार्रवाई की।" : "The depot has acted on it.",
                "health" => hindi ? "अस्पताल ने कार्रवाई की।" : "The hospital has acted on it.",
                "revenue" => hindi ? "अभिलेख ठीक किया गया।" : "The record was corrected.",
                "food" => hindi ? "दुकान की जांच कर कार्रवाई की गई।" : "The shop was inspected and action taken.",
                "education" => hindi ? "खंड शिक्षा कार्यालय ने कार्रवाई की।" : "The block education office has acted on it.",
                _ => hindi ? "कार्रवाई की गई।" : "Action taken.",
            };
        }
    }
}
