using System.Security.Cryptography;
using System.Text.Json;
using AiMastering.ApiService.Contracts;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;
using AiMastering.Jobs.Uploads;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using CatalogLimits = AiMastering.Jobs.Model.Catalog.Limits;

namespace AiMastering.ApiService.Apis;

/// <summary>The catalog as served: built once from the Jobs catalog and the storage limits, with its entity tag.</summary>
public sealed class CatalogDocument
{
    public CatalogDocument(IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Response = Build(storage.Value.MaxUploadBytes);
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(Response, ApiJsonContext.Default.CatalogResponse));
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash)[..32]}\"");
    }

    public CatalogResponse Response { get; }

    public EntityTagHeaderValue ETag { get; }

    private static CatalogResponse Build(long maxUploadBytes) => new(
        [.. LoudnessPresets.All.Select(p => new CatalogPreset(p.Id, p.Lufs, p.TruePeakDbtp, LabelKey("target", p.Id)))],
        LoudnessPresets.Default.Id,
        new CatalogCustomTarget(LoudnessPresets.Custom, CatalogLimits.Lufs, CatalogLimits.TruePeakDbtp, LabelKey("target", LoudnessPresets.Custom)),
        LoudnessPresets.Reference,
        [.. MasteringStyles.All.Select(s => new CatalogChoice(s.Id, LabelKey("style", s.Id)))],
        MasteringStyles.Default.Id,
        [.. Intensities.All.Select(i => new CatalogChoice(i.Id, LabelKey("intensity", i.Id)))],
        Intensities.Default.Id,
        CatalogLimits.BitDepths,
        CatalogLimits.Amount,
        new CatalogUploads(maxUploadBytes, [.. UploadRules.Extensions], [.. UploadRules.ContentTypes]),
        [.. Enum.GetValues<ErrorCode>().Select(c => c.ToWire())],
        [.. ArtifactCatalog.All.Select(a => new CatalogArtifact(a.Name, a.FileName, a.ContentType, a.ReferenceOnly))],
        [.. JobStages.Order.Select(s => new CatalogStage(s, LabelKey("stage", s), s == JobStages.MatchingReference))]);

    /// <summary>"style.warm": the key a client looks its words up by.</summary>
    private static string LabelKey(string list, string id) => $"{list}.{id}";
}
