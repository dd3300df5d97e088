using AiMastering.Benchmarks;

// Console measurements: `dotnet run -c Release --project AiMastering.Benchmarks -- <mode>`.
return args switch
{
    ["processors", .. var rest] => ProcessorBenchmark.Run(rest.ToArray()),
    ["analysis", .. var rest] => AnalysisBenchmark.Run(rest),
    ["analysis-memory", var file] => AnalysisBenchmark.MeasureMemory(file),
    ["analysis-stages", var file] => AnalysisStages.Run(file),
    ["master", .. var rest] => MasteringBenchmark.Run([.. rest]),
    ["master-memory", var file, .. var rest] => MasteringBenchmark.MeasureMemory(file, rest.Contains("--long-track")),
    ["master-stages", var file] => MasteringStages.Run(file),
    ["master-timeline", var file] => MasteringTimeline.Run(file),
    ["fir-micro"] => FirMicro.Run(),
    ["dynamics-micro"] => DynamicsMicro.Run(),
    ["limiter", .. var rest] => LimiterBenchmark.Run([.. rest]),
    ["preview", .. var rest] => PreviewBenchmark.Run([.. rest]),
    ["preview-predict", .. var rest] => PreviewPredictionBenchmark.Run([.. rest]),
    ["preview-probe", .. var rest] => PreviewProbeBenchmark.Run([.. rest]),
    ["reference", .. var rest] => ReferenceBenchmark.Run([.. rest]),
    ["reference-pair", var source, var reference, "--repeat", var n] => ReferencePairRun.Run(source, reference, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
    ["reference-stages", var source, var reference] => ReferenceStages.Run(source, reference),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project AiMastering.Benchmarks -- processors | analysis [FILE.wav] [--repeat N] | master [FILE.wav] [--repeat N] [--minutes M] [--no-peer] [--long-track] | master-stages FILE | master-timeline FILE | fir-micro | limiter FILE [--gain DB] | dynamics-micro | preview [MASTER.wav] [--repeat N] [--ceiling DBTP] | preview-predict MASTER.wav… [--transition HZ…] | preview-probe MASTER.wav… [--ceiling DBTP] | reference [--repeat N] | reference-stages SRC REF");
    return 2;
}
