namespace AiMastering.Tests.Infrastructure;

/// <summary>
/// Where the real servers of the contract suites are. <c>scripts/test-services.sh start</c> starts
/// them and writes <c>.test-services/env</c>; the variables win when set, else that file is read.
/// A missing server fails the suite (it never skips silently) — except MongoDB, which cannot run here.
/// </summary>
public static class TestServices
{
    public const string MongoSkipReason = "no MongoDB server on this machine (no Debian package); set AIM_TEST_MONGODB";

    public static string RabbitMq => Require("AIM_TEST_RABBITMQ");

    public static string RabbitMqCtl => Require("AIM_TEST_RABBITMQ_CTL");

    public static string S3 => Require("AIM_TEST_S3");

    public static string? MongoDb => Get("AIM_TEST_MONGODB");

    public static string Require(string name) =>
        Get(name) ?? throw new InvalidOperationException(
            $"{name} is not set: run `scripts/test-services.sh start` first (it starts a private RabbitMQ and Ceph RGW and writes .test-services/env).");

    public static string? Get(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? FromEnvFile(name) : value;
    }

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string? FromEnvFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, ".test-services", "env");
            if (!File.Exists(file))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file))
            {
                var text = line.StartsWith("export ", StringComparison.Ordinal) ? line[7..] : line;
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && text[..eq] == name)
                {
                    return text[(eq + 1)..].Trim('\'', '"');
                }
            }

            return null;
        }

        return null;
    }
}
