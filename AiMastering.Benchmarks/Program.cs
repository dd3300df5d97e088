using AiMastering.Benchmarks;

return args switch
{
    ["analysis", .. var rest] => AnalysisBenchmark.Run(rest),
    ["analysis-memory", var file] => AnalysisBenchmark.MeasureMemory(file),
    ["analysis-stages", var file] => AnalysisStages.Run(file),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project AiMastering.Benchmarks -- analysis [FILE.wav] [--repeat N]");
    return 1;
}
