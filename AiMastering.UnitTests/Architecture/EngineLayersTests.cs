using AiMastering.Testing;

namespace AiMastering.UnitTests.Architecture;

/// <summary>
/// The engine's folders form layers; a folder may depend only on folders of lower layers (never on a sibling):
/// <list type="number">
/// <item>Dsp — biquads, FIR kernels, FFT, interleaving, float widening, dB conversions: nothing of the engine.</item>
/// <item>(root) — the audio containers (AudioBuffer, IPlanarSource, IPlanarSink).</item>
/// <item>Decoding, Analysis, Processing — reading files, measuring, the processors.</item>
/// <item>Encoding, Streaming — writing WAV/MP3 (metered by Analysis), block pipelines and spill files.</item>
/// <item>Matching — reference matching: the reference's profile, the match curves and rules, the match equalizer.</item>
/// <item>Mastering — the rules, the chain, the pipeline, the documents; it calls reference matching as a library.</item>
/// </list>
/// </summary>
public sealed class EngineLayersTests
{
    private static readonly string[][] Layers =
    [
        ["Dsp"],
        [EngineFolderGraph.Root],
        ["Decoding", "Analysis", "Processing"],
        ["Encoding", "Streaming"],
        ["Matching"],
        ["Mastering"],
    ];

    private static Dictionary<string, Dictionary<string, string>> Graph() =>
        EngineFolderGraph.Build(Path.Combine(RepositoryPaths.Root(), "AiMastering.Engine"));

    [Fact]
    public void Engine_folders_have_no_dependency_cycle()
    {
        var graph = Graph();
        graph["Mastering"].Keys.ShouldContain("Analysis", "the scan must see the engine's dependencies at all");

        var cycle = EngineFolderGraph.FindCycle(graph);

        cycle.ShouldBeNull($"folder cycle {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void Engine_folders_depend_only_on_lower_layers()
    {
        var layerOf = Layers.SelectMany((folders, layer) => folders.Select(f => (f, layer))).ToDictionary(x => x.f, x => x.layer, StringComparer.Ordinal);
        var graph = Graph();

        graph.Keys.Where(f => !layerOf.ContainsKey(f)).ShouldBeEmpty("every engine folder has a layer in this test");
        var upward = graph.SelectMany(from => from.Value
                .Where(to => layerOf[to.Key] >= layerOf[from.Key])
                .Select(to => $"{from.Key} → {to.Key} ({to.Value})"))
            .ToList();
        upward.ShouldBeEmpty();
    }

    [Fact]
    public void Cycle_finder_names_the_folders_of_a_cycle()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["Analysis"] = new(StringComparer.Ordinal) { ["Dsp"] = "a.cs", ["Processing"] = "b.cs" },
            ["Processing"] = new(StringComparer.Ordinal) { ["Analysis"] = "c.cs" },
        };

        EngineFolderGraph.FindCycle(graph).ShouldBe(["Analysis", "Processing", "Analysis"]);
    }
}
