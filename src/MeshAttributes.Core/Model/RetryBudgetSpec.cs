namespace MeshAttributes.Core.Model
{
    /// <summary><c>[RetryBudget]</c>: the DestinationRule's <c>retryBudget</c>.</summary>
    public sealed record RetryBudgetSpec(double? Percent, int? MinRetryConcurrency);
}
