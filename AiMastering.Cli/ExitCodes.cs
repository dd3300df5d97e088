namespace AiMastering.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command was used wrongly or named something that does not exist.</summary>
    public const int Usage = 1;

    /// <summary>The audio cannot be used (the message says why).</summary>
    public const int UnusableAudio = 2;
    public const int BadArguments = 3;

    /// <summary>The output (master.wav or its documents) cannot be written there (the message says why).</summary>
    public const int CannotWrite = 4;
}
