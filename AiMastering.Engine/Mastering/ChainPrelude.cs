using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Processing decided outside the rule engine (e.g. reference matching) that runs first in the chain.
/// The decision rules then see the prelude's output, so they do not undo it.
/// </summary>
/// <param name="ProcessorFactories">The processors in order, each as a factory (sample rate, channel count) → processor: the
/// engine renders long mixes in parallel segments, each with its own instances.</param>
/// <param name="Rules">One or more rules per processor; each rule's <see cref="DecisionRule.Processor"/> must be one of
/// <see cref="Names"/> (or the default names: the processor's type name in camelCase, e.g. <c>referenceMatch</c> for
/// <c>ReferenceMatch</c>; a repeated type gets a suffix <c>#2</c>, <c>#3</c>).</param>
/// <param name="TargetLufs">Overrides the loudness target (e.g. the reference's integrated loudness).</param>
/// <param name="CeilingDbtp">Overrides the true-peak ceiling.</param>
/// <param name="Names">Optional names of the processors for decision.json.</param>
/// <param name="Settings">Optional settings of each processor for decision.json (any JSON-friendly numbers).</param>
/// <param name="ReferenceSpectrum">Optional long-term spectrum of the reference for report.json's chart.</param>
public sealed record ChainPrelude(
    IReadOnlyList<Func<int, int, IAudioProcessor>> ProcessorFactories,
    IReadOnlyList<DecisionRule> Rules,
    double? TargetLufs = null,
    double? CeilingDbtp = null,
    IReadOnlyList<string>? Names = null,
    IReadOnlyList<IReadOnlyDictionary<string, double>>? Settings = null,
    IReadOnlyList<SpectrumPoint>? ReferenceSpectrum = null)
{
    /// <summary>The names of the processors (<paramref name="created"/> from <see cref="ProcessorFactories"/>) as they appear in decision.json.</summary>
    public IReadOnlyList<string> ProcessorNames(IReadOnlyList<IAudioProcessor> created)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (Names is not null)
        {
            if (Names.Count != created.Count)
            {
                throw new ArgumentException("ChainPrelude.Names must name every processor.");
            }

            return Names;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var p in created)
        {
            var type = p.GetType().Name;
            var name = char.ToLowerInvariant(type[0]) + type[1..];
            seen[name] = seen.TryGetValue(name, out var n) ? n + 1 : 1;
            names.Add(seen[name] == 1 ? name : $"{name}#{seen[name]}");
        }

        return names;
    }
}
