using MeshAttributes.Core.Model;

namespace MeshAttributes.Generators
{
    /// <summary>A service as found in source: its spec and whether it is the assembly's own.</summary>
    internal sealed record DeclaredService(ServiceSpec Spec, bool IsAssembly);
}
