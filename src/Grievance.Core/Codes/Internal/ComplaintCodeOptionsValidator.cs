using Microsoft.Extensions.Options;

namespace Grievance.Codes.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="ComplaintCodeOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ComplaintCodeOptionsValidator : IValidateOptions<ComplaintCodeOptions>;
