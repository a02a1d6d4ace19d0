namespace MeshAttributes.Core.Documents
{
    /// <summary>
    /// A node of a resource document: a map, a sequence or a scalar. Builders produce these trees and the
    /// renderers turn one tree into YAML or JSON, so both formats always say the same thing.
    /// </summary>
    public abstract class Node
    {
        private protected Node()
        {
        }
    }
}
