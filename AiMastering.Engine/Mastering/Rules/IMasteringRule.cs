namespace AiMastering.Engine.Mastering.Rules;

/// <summary>A decision rule over the analysis of the mix and the musician's settings.</summary>
internal interface IMasteringRule
{
    IEnumerable<RuleOutcome> Evaluate(RuleContext context);
}
