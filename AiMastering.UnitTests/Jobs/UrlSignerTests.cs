using AiMastering.Jobs.Security;

namespace AiMastering.UnitTests.Jobs;

public sealed class UrlSignerTests
{
    private static readonly UrlSigner Signer = new(new byte[32]);

    [Fact]
    public void Signature_verifies_only_for_the_same_values()
    {
        var sig = Signer.Sign("upload", "uploads/u/1/a.wav", "1000", "audio/wav", "1700000000");
        Signer.Verify(sig, "upload", "uploads/u/1/a.wav", "1000", "audio/wav", "1700000000").ShouldBeTrue();
        Signer.Verify(sig, "upload", "uploads/u/1/a.wav", "1001", "audio/wav", "1700000000").ShouldBeFalse();
        Signer.Verify(sig, "upload", "uploads/u/1/b.wav", "1000", "audio/wav", "1700000000").ShouldBeFalse();
        Signer.Verify(sig, "upload", "uploads/u/1/a.wav", "1000", "audio/flac", "1700000000").ShouldBeFalse();
        Signer.Verify(sig, "upload", "uploads/u/1/a.wav", "1000", "audio/wav", "1700000001").ShouldBeFalse();
    }

    [Fact]
    public void Another_key_does_not_verify()
    {
        var other = new UrlSigner(Enumerable.Repeat((byte)1, 32).ToArray());
        var sig = Signer.Sign("download", "k", "n", "1");
        other.Verify(sig, "download", "k", "n", "1").ShouldBeFalse();
    }

    [Fact]
    public void Generated_key_is_shared_by_every_process_using_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("aim-key").FullName;
        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => UrlSigner.LoadOrCreateKey(null, folder)).ToList();
        keys.ShouldAllBe(k => k.SequenceEqual(keys[0]));
        keys[0].Length.ShouldBe(32);
    }
}
