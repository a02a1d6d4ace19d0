namespace MeshAttributes.Core.Rules
{
    /// <summary>Keys of <see cref="Finding.Properties"/>: the values a code fix writes.</summary>
    public static class FindingProperties
    {
        /// <summary>The corrected value of the argument the finding points at (a string, written as a C# literal).</summary>
        public const string Replacement = "Replacement";

        /// <summary>A <c>Timeout</c> long enough for the route's tries and back-off.</summary>
        public const string Timeout = "Timeout";

        /// <summary>The largest <c>Attempts</c> that fits the route's <c>Timeout</c>.</summary>
        public const string Attempts = "Attempts";

        /// <summary>The <c>PerTryTimeout</c> of the retry a finding concerns, when set.</summary>
        public const string PerTryTimeout = "PerTryTimeout";

        /// <summary>"true" when the endpoint inherits the <c>[Retry]</c> it is warned about (from the service or its controller).</summary>
        public const string Inherited = "Inherited";
    }
}
