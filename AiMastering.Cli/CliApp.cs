using System.CommandLine;

namespace AiMastering.Cli;

/// <summary>The `aimaster` command line; <see cref="Run"/> is the entry point (testable in-process).</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error, TextReader? input = null)
    {
        var root = new RootCommand("AI Mastering command line")
        {
            AnalyzeCommand.Create(),
            MasterCommand.Create(),
            JobsCommand.Create(),
            MatchCommand.Create(),
            UsersCommand.Create(input ?? Console.In),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
