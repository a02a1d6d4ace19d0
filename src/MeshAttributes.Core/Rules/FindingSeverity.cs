namespace MeshAttributes.Core.Rules
{
    /// <summary>How bad a finding is: errors mean Istio would reject the value or it cannot mean anything.</summary>
    public enum FindingSeverity
    {
        Warning,
        Error,
    }
}
