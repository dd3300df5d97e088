namespace AiMastering.Jobs.Blobs;

/// <summary>
/// The blob store could not be reached or refused the request for a reason that may pass (network,
/// throttling, a server error). Each <see cref="IBlobStore"/> translates its client's errors into this,
/// so callers never see a backend's own exception types.
/// </summary>
public sealed class BlobStoreUnavailableException : Exception
{
    public BlobStoreUnavailableException()
        : this("The blob store could not be reached.")
    {
    }

    public BlobStoreUnavailableException(string message)
        : base(message)
    {
    }

    public BlobStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
