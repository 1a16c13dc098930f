using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Webhooks.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="TwitterWebhookOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TwitterWebhookOptionsValidator : IValidateOptions<TwitterWebhookOptions>;

/// <summary>What webhooks need of <see cref="TwitterOptions"/>: the consumer secret that signs deliveries and CRC answers.</summary>
internal sealed class TwitterWebhookRequirementsValidator : IValidateOptions<TwitterOptions>
{
    public ValidateOptionsResult Validate(string? name, TwitterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ConsumerSecret)
            ? ValidateOptionsResult.Fail("Webhooks need ConsumerSecret: X signs deliveries and checks CRC answers with the app's consumer secret.")
            : ValidateOptionsResult.Success;
    }
}
