using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Streaming.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="TwitterStreamOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TwitterStreamOptionsValidator : IValidateOptions<TwitterStreamOptions>;
