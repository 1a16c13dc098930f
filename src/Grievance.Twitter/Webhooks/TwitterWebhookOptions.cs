using System.ComponentModel.DataAnnotations;

namespace Grievance.Twitter.Webhooks;

/// <summary>Options of the X Account Activity webhook. The consumer secret that signs it is <see cref="TwitterOptions.ConsumerSecret"/>.</summary>
public sealed class TwitterWebhookOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceTwitterWebhook";

    /// <summary>Gets or sets the largest delivery body accepted, in bytes; larger ones are refused unread (413).</summary>
    /// <value>The default value is 1 MiB, far above a delivery of one post.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
