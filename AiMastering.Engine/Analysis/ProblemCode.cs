using System.Text.Json.Serialization;

namespace AiMastering.Engine.Analysis;

[JsonConverter(typeof(CamelCaseEnumConverter<ProblemCode>))]
public enum ProblemCode
{
    Clipping,
    InterSampleOvers,
    DcOffset,
    Pumping,
    PhaseProblem,
    SilenceAtHead,
    SilenceAtTail,
    ExcessiveLowEnd,
    HarshHighMids,
}
