using AiMastering.Benchmarks;

// Console measurements: `dotnet run -c Release --project AiMastering.Benchmarks -- <mode>`.
return args switch
{
    ["processors", .. var rest] => ProcessorBenchmark.Run(rest.ToArray()),
    ["analysis", .. var rest] => AnalysisBenchmark.Run(rest),
    ["analysis-memory", var file] => AnalysisBenchmark.MeasureMemory(file),
    ["analysis-stages", var file] => AnalysisStages.Run(file),
    ["master", .. var rest] => MasteringBenchmark.Run([.. rest]),
    ["master-memory", var file] => MasteringBenchmark.MeasureMemory(file),
    ["master-stages", var file] => MasteringStages.Run(file),
    ["preview", .. var rest] => PreviewBenchmark.Run([.. rest]),
    ["reference"] => ReferenceBenchmark.Run([]),
    ["reference-pair", var source, var reference] => ReferenceBenchmark.RunPair(source, reference),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project AiMastering.Benchmarks -- processors | analysis [FILE.wav] [--repeat N] | master [FILE.wav] [--repeat N] [--minutes M] | preview [MASTER.wav] [--repeat N] | reference");
    return 2;
}
