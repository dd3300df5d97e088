namespace AiMastering.Jobs;

internal static class Placeholder;
