using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Security;

namespace AiMastering.UnitTests.Contracts;

/// <summary>The blob-store contract on the embedded file-system store.</summary>
public sealed class FileSystemBlobStoreTests : BlobStoreContract
{
    private readonly string _root = Directory.CreateTempSubdirectory("aim-fs-store-").FullName;

    protected override Task<IBlobStore> CreateStoreAsync() =>
        Task.FromResult<IBlobStore>(new FileSystemBlobStore(_root, new UrlSigner(new byte[32])));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
