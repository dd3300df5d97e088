using AiMastering.Jobs.Model;

namespace AiMastering.ApiService.Contracts;

/// <summary>Body of <c>POST /jobs</c>.</summary>
public sealed record CreateJobRequest(string? ObjectKey, string? ReferenceObjectKey, JobOptions? Options, string? FileName, string? ReferenceFileName);
