using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.ApiService.Contracts;

/// <summary>
/// What <c>GET /catalog</c> returns: every choice the options form offers, the ranges the API accepts, the upload
/// limits, the error codes a problem or a job may carry, the artifact names and the stages a running job passes (in
/// order; an id is the job's <c>progress.stage</c>). Labels are keys the client translates.
/// </summary>
public sealed record CatalogResponse(
    IReadOnlyList<CatalogPreset> Presets,
    string DefaultTarget,
    CatalogCustomTarget Custom,
    string ReferenceTarget,
    IReadOnlyList<CatalogChoice> Styles,
    string DefaultStyle,
    IReadOnlyList<CatalogChoice> Intensities,
    string DefaultIntensity,
    IReadOnlyList<int> BitDepths,
    ValueRange Amount,
    CatalogUploads Uploads,
    IReadOnlyList<string> ErrorCodes,
    IReadOnlyList<CatalogArtifact> Artifacts,
    IReadOnlyList<CatalogStage> Stages);
