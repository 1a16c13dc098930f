namespace Grievance.Storage.Internal;

/// <summary>Argument checks shared by the implementations of <see cref="IComplaintStore.CommitIntakeBatchAsync"/>.</summary>
internal static class IntakeCommitBatch
{
    public static void Validate(IReadOnlyList<IntakeCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        for (var i = 0; i < commits.Count; i++)
        {
            if (commits[i] is null)
            {
                throw new ArgumentException($"The commit at index {i} is null.", nameof(commits));
            }
        }
    }
}
