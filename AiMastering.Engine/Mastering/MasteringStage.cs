namespace AiMastering.Engine.Mastering;

/// <summary>The stages of one <see cref="MasteringEngine.Master(MasteringRequest, CancellationToken)"/> run, in the order they run.</summary>
public enum MasteringStage
{
    /// <summary>Decoding the mix, its analysis overlapping the decode (the reference is measured alongside).</summary>
    Decoding,

    /// <summary>Finishing the mix's analysis.</summary>
    Analyzing,

    /// <summary>Matching the reference: match curves, the prelude rendered, the matched mix analyzed.</summary>
    MatchingReference,

    /// <summary>The rules deciding the chain.</summary>
    Deciding,

    /// <summary>Rendering the pre-limiter chain and measuring its output.</summary>
    Rendering,

    /// <summary>The closed loop: gain + true-peak limiter rendered and measured until on target.</summary>
    Limiting,

    /// <summary>Finishing (dither) and analyzing the master.</summary>
    Verifying,

    /// <summary>Writing master.wav (on the long-track path it is written while limiting).</summary>
    Writing,

    /// <summary>report.json's spectra and the JSON documents.</summary>
    Reporting,
}
