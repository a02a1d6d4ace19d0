namespace MeshAttributes.Cli
{
    /// <summary><c>mesh</c>'s exit codes, which CI pipelines branch on.</summary>
    public static class ExitCodes
    {
        /// <summary>Everything read, nothing at or above <c>--fail-on</c>.</summary>
        public const int Clean = 0;

        /// <summary>Findings at or above <c>--fail-on</c>.</summary>
        public const int Findings = 1;

        /// <summary>A bad command line, or input that could not be read (a missing path, YAML that does not parse, a value of the wrong type).</summary>
        public const int Unusable = 2;
    }
}
