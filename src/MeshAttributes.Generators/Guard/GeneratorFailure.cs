namespace MeshAttributes.Generators.Guard
{
    /// <summary>
    /// An exception the generator's own code threw, as plain values the pipeline can cache and compare: the step that
    /// failed, the exception's type and message, and the innermost frame of its stack trace (where it was thrown).
    /// </summary>
    internal sealed record GeneratorFailure(string Step, string ExceptionType, string Message, string ThrownAt);
}
