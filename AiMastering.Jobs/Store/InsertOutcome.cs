namespace AiMastering.Jobs.Store;

/// <summary>What <see cref="IJobStore.TryInsertAsync"/> did.</summary>
public enum InsertOutcome
{
    Inserted,

    /// <summary>The user already has the most queued + processing jobs allowed.</summary>
    TooManyActive,

    /// <summary>The source or reference upload already started a job.</summary>
    UploadUsed,
}
