namespace AiMastering.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int UnusableAudio = 2;
    public const int BadArguments = 3;
}
