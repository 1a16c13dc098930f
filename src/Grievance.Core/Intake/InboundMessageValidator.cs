using FluentValidation;
using Grievance.Notifications;
using Microsoft.Extensions.Options;

namespace Grievance.Intake;

/// <summary>
/// The intake's rules for an inbound message. A message that breaks any of them is recorded as a rejection with
/// the reasons, never dropped. Departments can register further <see cref="IValidator{T}"/> of <see cref="InboundMessage"/>.
/// </summary>
public sealed class InboundMessageValidator : AbstractValidator<InboundMessage>
{
    /// <summary>The longest external id accepted.</summary>
    public const int MaxExternalIdLength = 128;

    /// <summary>Initializes a new instance of the <see cref="InboundMessageValidator"/> class.</summary>
    /// <param name="policies">The channels' message policies, which give each channel's longest inbound text.</param>
    /// <param name="options">The options, which give the longest text for channels without a policy.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public InboundMessageValidator(IEnumerable<IChannelMessagePolicy> policies, IOptions<GrievanceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(options);
        var limits = policies.ToDictionary(p => p.Channel, p => p.MaxInboundLength, StringComparer.OrdinalIgnoreCase);
        var fallback = options.Value.MaxInboundTextLength;

        RuleFor(m => m.Channel).NotEmpty().WithMessage("The message has no channel.");
        RuleFor(m => m.ExternalId)
            .NotEmpty().WithMessage("The message has no external id.")
            .MaximumLength(MaxExternalIdLength).WithMessage($"The external id is longer than {MaxExternalIdLength} characters.")
            .Must(id => id is null || !id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            .WithMessage("The external id contains white space or control characters.");
        RuleFor(m => m.Author).NotNull().WithMessage("The message has no author.");
        RuleFor(m => m.Author.PlatformId)
            .NotEmpty().WithMessage("The author has no platform id.")
            .When(m => m.Author is not null);
        RuleFor(m => m.Text)
            .NotEmpty().WithMessage("The message text is empty.")
            .Must(t => t is null || !string.IsNullOrWhiteSpace(t)).WithMessage("The message text is only white space.");
        RuleFor(m => m.Text)
            .Must((m, text) => text.Length <= LimitFor(m.Channel))
            .WithMessage(m => $"The message text is {m.Text.Length} characters long; channel '{m.Channel}' allows at most {LimitFor(m.Channel)}.")
            .When(m => m.Text is not null);
        RuleFor(m => m.CreatedAt).NotEqual(default(DateTimeOffset)).WithMessage("The message has no creation time.");
        RuleFor(m => m.ConversationId)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("The conversation id is present but empty.")
            .When(m => m.ConversationId is not null);
        RuleFor(m => m.Entities).NotNull().WithMessage("The message's entity list is missing.");
        RuleForEach(m => m.Entities)
            .Must((m, e) => e is not null && e.Start >= 0 && e.Start < e.End && e.End <= (m.Text?.Length ?? 0))
            .WithMessage((m, e) => e is null
                ? "An entity is missing."
                : $"The {e.Kind} entity [{e.Start}, {e.End}) lies outside the text of length {m.Text?.Length ?? 0}.")
            .When(m => m.Entities is not null);
        RuleFor(m => m.AddressedAccounts).NotNull().WithMessage("The message's addressed-account list is missing.");
        RuleFor(m => m.Attachments).NotNull().WithMessage("The message's attachment list is missing.");
        RuleFor(m => m.Geo)
            .Must(g => g!.Latitude is >= -90 and <= 90 && g.Longitude is >= -180 and <= 180)
            .WithMessage("The message's location is not a valid latitude/longitude.")
            .When(m => m.Geo is not null);

        int LimitFor(string? channel) => channel is not null && limits.TryGetValue(channel, out var max) ? max : fallback;
    }
}
