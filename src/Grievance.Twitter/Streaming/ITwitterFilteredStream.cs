using Grievance.Intake;

namespace Grievance.Twitter.Streaming;

/// <summary>
/// The filtered stream as a complaint source. Unlike the mentions sources it never ends on its own: run it with
/// <see cref="IIntakePipeline.RunAsync"/> on its own task (for example a <c>BackgroundService</c>) and stop it with the
/// cancellation token. It reconnects by X's documented schedule and treats 20 s of silence as a stall. It is not among
/// the <see cref="IComplaintSourceProvider"/> sources, so hosts that run those in a loop are not blocked by it.
/// </summary>
public interface ITwitterFilteredStream : IComplaintSource;
