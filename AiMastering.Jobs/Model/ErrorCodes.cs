using System.Text;

namespace AiMastering.Jobs.Model;

public static class ErrorCodes
{
    /// <summary><c>TooManyChannels</c> → <c>too_many_channels</c>.</summary>
    public static string ToWire(this ErrorCode code)
    {
        var name = code.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static ErrorCode FromWire(string wire) =>
        Enum.GetValues<ErrorCode>().FirstOrDefault(c => c.ToWire() == wire, ErrorCode.Internal);

    /// <summary>Transient errors are retried; every other error fails the job at once.</summary>
    public static bool IsTransient(this ErrorCode code) =>
        code is ErrorCode.StorageUnavailable or ErrorCode.DatabaseUnavailable or ErrorCode.WorkerLost
            or ErrorCode.ProcessingFailed or ErrorCode.Internal;
}
