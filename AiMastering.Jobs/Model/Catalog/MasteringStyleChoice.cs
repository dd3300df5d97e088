namespace AiMastering.Jobs.Model.Catalog;

/// <summary>
/// A tonal direction and what it means to the engine's tone rules: the band deviations from pink noise (relative to
/// the low mids, 250 Hz–2 kHz) the master is steered towards, in dB.
/// </summary>
public sealed record MasteringStyleChoice(string Id, double BassDb, double HighMidsDb, double HighsDb);
