using System.Text.Json.Nodes;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Mastering.Rules;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The steps of <see cref="MasteringEngine.Master(MasteringRequest, CancellationToken)"/>: analyze, decide, render, close the loop, verify, document. The audio
/// work is done by <see cref="IMasteringStages"/> (in memory, or on spill files for long tracks); every decision
/// and document is made here, once, for both.
/// </summary>
internal static class MasteringPipeline
{
    /// <param name="settings">Validated settings.</param>
    /// <param name="preludeFor">Builds the prelude (e.g. the reference match) from the analysis of the mix.</param>
    public static MasteringResult Run(IMasteringStages audio, MasteringSettings settings, Func<AudioAnalysis, ChainPrelude?>? preludeFor, StageReporter progress, CancellationToken ct)
    {
        progress.Start(MasteringStage.Analyzing);
        var before = audio.AnalyzeMix();
        ct.ThrowIfCancellationRequested();
        if (preludeFor is not null)
        {
            progress.Start(MasteringStage.MatchingReference);
        }

        var prelude = preludeFor?.Invoke(before);

        var target = settings.Target;
        if (prelude?.TargetLufs is not null || prelude?.CeilingDbtp is not null)
        {
            target = prelude.TargetLufs is null
                ? target with { TruePeakDbtp = prelude.CeilingDbtp ?? target.TruePeakDbtp }
                : new LoudnessTarget(prelude.TargetLufs.Value, prelude.CeilingDbtp ?? target.TruePeakDbtp) { Source = LoudnessTarget.FromReference };
        }

        // The reference match (if any) runs first; the rules see its output so they do not undo it.
        var ruleAnalysis = before;
        var preludeSteps = new List<ChainStep>();
        if (prelude is { ProcessorFactories.Count: > 0 })
        {
            progress.Report(MasteringStage.MatchingReference, 0.2);
            var processors = audio.RenderPrelude(prelude.ProcessorFactories);
            var names = prelude.ProcessorNames(processors);
            progress.Report(MasteringStage.MatchingReference, 0.6);
            ruleAnalysis = audio.AnalyzePrelude();
            for (var i = 0; i < names.Count; i++)
            {
                var json = new JsonObject();
                if (prelude.Settings is { } s && i < s.Count)
                {
                    foreach (var (key, value) in s[i])
                    {
                        json[key] = value;
                    }
                }

                preludeSteps.Add(new ChainStep(names[i], processors[i].GetType().Name, json));
            }
        }

        progress.Start(MasteringStage.Deciding);
        var context = new RuleContext(ruleAnalysis, settings);
        var ruleSet = preludeSteps.Count > 0 ? RuleSet.AfterReferenceMatch : RuleSet.PreLimiter;
        var outcomes = ruleSet.SelectMany(r => r.Evaluate(context)).ToList();
        var steps = outcomes.Where(o => o.Step is not null).Select(o => o.Step!).OrderBy(s => s.Order).ToList();

        progress.Start(MasteringStage.Rendering);
        audio.RenderChain([.. steps.Select(s => s.Create)]);
        ct.ThrowIfCancellationRequested();
        progress.Report(MasteringStage.Rendering, 0.8);
        var preReading = audio.MeasureChain();
        var plan = LoudnessPlanner.Plan(before, preReading, target, settings.Intensity);
        PlannedStep[] finishing = settings.BitDepth == 16 ? [Steps.Dither(new TpdfDitherSettings(16))] : [];
        progress.Start(MasteringStage.Limiting);
        var loop = ClosedLoop.Run(
            plan,
            (gain, ceiling) =>
            {
                var limiterSettings = LimiterSettings(ceiling);
                var instances = audio.RenderLoop(
                    [Steps.Gain(new GainSettings(gain)).Create, Steps.Limiter(limiterSettings).Create],
                    [.. finishing.Select(f => f.Create)]);
                // Each segment's limiter metered only its own frames: the average is over the whole track.
                var limiters = instances.Select(i => (TruePeakLimiter)i[1]).ToList();
                var frames = limiters.Sum(l => l.MeteredFrames);
                return (limiters.Max(l => l.MaxGainReductionDb), frames == 0 ? 0 : limiters.Sum(l => l.GainReductionDbSum) / frames);
            },
            audio.MeasureLoop,
            // The number of renders is not known beforehand: each measured render halves what is left of the stage.
            i => progress.Report(MasteringStage.Limiting, 1 - Math.Pow(0.5, i)),
            ct,
            Probe(audio.PreLimiter));

        var loudnessOutcomes = LoudnessRules.Build(plan, loop, settings.BitDepth).ToList();
        steps.Add(Steps.Gain(new GainSettings(Math.Round(loop.GainDb, 3))));
        steps.Add(Steps.Limiter(LimiterSettings(loop.LimiterCeilingDbtp)));
        steps.AddRange(finishing);
        progress.Start(MasteringStage.Verifying);
        audio.Finish();
        var after = audio.AnalyzeMaster();
        audio.Deliver();
        var warnings = outcomes.Concat(loudnessOutcomes).Select(o => o.Warning).OfType<string>().ToList();
        if (!loop.Converged)
        {
            warnings.Add($"The loudness loop stopped at {loop.IntegratedLufs:0.0} LUFS / {loop.TruePeakDbtp:0.0} dBTP after {loop.Iterations.Count} renders without reaching ± {ClosedLoop.ToleranceLu} LU of {loop.TargetLufs:0.0} LUFS.");
        }

        var rules = (prelude?.Rules ?? []).Concat(outcomes.Select(o => o.Rule)).Concat(loudnessOutcomes.Select(o => o.Rule)).ToList();
        var chain = preludeSteps.Concat(steps.Select(s => new ChainStep(s.Name, s.Type, s.Settings))).ToList();
        CheckEveryStepExplained(rules, chain);
        var decision = new DecisionDocument(
            DecisionDocument.CurrentSchemaVersion,
            new DecisionTarget(Math.Round(loop.TargetLufs, 2), plan.CeilingDbtp, target.Source, plan.RequestedLufs),
            rules,
            chain,
            warnings);
        var beforeFigures = LoudnessFigures.From(before);
        var afterFigures = LoudnessFigures.From(after);
        var report = new MasteringReport(
            MasteringReport.CurrentSchemaVersion,
            beforeFigures,
            afterFigures,
            new ReportTarget(Math.Round(loop.TargetLufs, 2), plan.CeilingDbtp),
            loop.Iterations,
            ExplanationWriter.Write(decision, target, afterFigures),
            warnings,
            new ReportSpectra(Spectrum(before), prelude?.ReferenceSpectrum, Spectrum(after)));
        return new MasteringResult(audio.Master, before, after, decision, report, settings.BitDepth);
    }

    // The loop's cheap estimate (built on first use), for tracks long enough to gain from one.
    private static ClosedLoop.Probe? Probe(IPlanarSource preLimiter)
    {
        if (!LimiterProbe.Worthwhile(preLimiter))
        {
            return null;
        }

        var probe = new Lazy<LimiterProbe>(() => LimiterProbe.Create(preLimiter));
        return new ClosedLoop.Probe(
            () => probe.Value.RawLufs,
            (gain, ceiling) => probe.Value.Read([Steps.Gain(new GainSettings(gain)).Create, Steps.Limiter(LimiterSettings(ceiling)).Create]));
    }

    private static TruePeakLimiterSettings LimiterSettings(double ceilingDbtp) => new(CeilingDbtp: Math.Round(ceilingDbtp, 3));

    private static SpectrumPoint[] Spectrum(AudioAnalysis analysis) =>
        [.. analysis.Spectrum.Ltas.Where(p => p.LevelDb is not null).Select(p => new SpectrumPoint(p.FrequencyHz, Math.Round(p.LevelDb!.Value, 2)))];

    // decision.json invariant: every processor that ran has a rule, and every rule names a processor that ran.
    private static void CheckEveryStepExplained(IReadOnlyList<DecisionRule> rules, IReadOnlyList<ChainStep> chain)
    {
        var names = chain.Select(c => c.Processor).ToHashSet(StringComparer.Ordinal);
        var orphanRule = rules.FirstOrDefault(r => !names.Contains(r.Processor));
        var unexplained = chain.FirstOrDefault(c => !rules.Any(r => r.Processor == c.Processor));
        if (orphanRule is not null || unexplained is not null)
        {
            throw new InvalidOperationException(
                $"decision.json would be inconsistent: rule '{orphanRule?.Name}' names no processor of the chain, or processor '{unexplained?.Processor}' has no rule.");
        }
    }
}
