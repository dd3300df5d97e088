namespace AiMastering.Jobs.Model;

/// <summary>An uploaded file as the job knows it.</summary>
public sealed record StoredFile(string Key, string FileName, long Size, string ContentType);
