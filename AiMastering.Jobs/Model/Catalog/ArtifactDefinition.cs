namespace AiMastering.Jobs.Model.Catalog;

/// <summary>
/// One file a finished job has: its name in the job's <c>artifacts</c>, its file name in storage, its content type,
/// the suffix of its download name ("My Song-master.wav") and whether only jobs with a reference track have it.
/// </summary>
public sealed record ArtifactDefinition(string Name, string FileName, string ContentType, string DownloadSuffix, bool ReferenceOnly = false);
