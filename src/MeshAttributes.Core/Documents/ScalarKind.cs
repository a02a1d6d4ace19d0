namespace MeshAttributes.Core.Documents
{
    /// <summary>The type a scalar must keep in every format: a string is always read back as a string.</summary>
    public enum ScalarKind
    {
        String,
        Number,
        Boolean,
    }
}
