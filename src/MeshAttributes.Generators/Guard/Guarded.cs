namespace MeshAttributes.Generators.Guard
{
    /// <summary>The value a guarded pipeline step produced, or the failure that stopped it (then the value is default).</summary>
    internal readonly record struct Guarded<T>(T Value, GeneratorFailure? Failure);
}
