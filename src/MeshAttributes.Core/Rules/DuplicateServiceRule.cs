namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH005, its whole-project part: a service name declared by more than one <c>[MeshService]</c> in a project is
    /// ambiguous, so no manifest is written for it. Both the generator and the analyzer report it in these words.
    /// </summary>
    public static class DuplicateServiceRule
    {
        /// <summary>The finding on each declaration of a service declared <paramref name="count"/> times.</summary>
        public static Finding Finding(string name, int count) =>
            new(
                RuleIds.ServiceScope,
                FindingSeverity.Error,
                $"Service '{name}' is declared {count} times with [MeshService] in this project, so no manifest is written for it; each service must be declared once, so rename or remove the others",
                new FindingTarget("MeshService", "Name"));
    }
}
