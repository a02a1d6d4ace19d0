using System.Collections.Generic;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// A finding of <c>mesh check</c>: a single-service rule's finding on one service's manifests, or a mesh-wide one. It
    /// belongs to <paramref name="Service"/> (<c>namespace/name</c>), points at the YAML value it is about, and for the
    /// rules about call chains (MESH200, MESH201, MESH204) carries the chain, caller first.
    /// </summary>
    public sealed record MeshFinding(Finding Finding, string Service, SourceLocation? Location, IReadOnlyList<string> Path)
    {
        public string Id => Finding.Id;

        public FindingSeverity Severity => Finding.Severity;

        public string Message => Finding.Message;
    }
}
