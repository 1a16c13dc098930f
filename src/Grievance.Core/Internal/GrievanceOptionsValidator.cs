using Microsoft.Extensions.Options;

namespace Grievance.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="GrievanceOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class GrievanceOptionsValidator : IValidateOptions<GrievanceOptions>;
