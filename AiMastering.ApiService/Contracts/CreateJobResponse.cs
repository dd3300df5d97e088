namespace AiMastering.ApiService.Contracts;

public sealed record CreateJobResponse(Guid JobId, string Status);
