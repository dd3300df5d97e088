using AiMastering.Benchmarks;

// Quick console measurements: `dotnet run -c Release --project AiMastering.Benchmarks -- <mode>`.
return args.FirstOrDefault() switch
{
    "processors" => ProcessorBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AiMastering.Benchmarks processors");
    return 2;
}
